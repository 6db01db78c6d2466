#!/usr/bin/env bash
# Runs every test: installs what is missing, then
#   1. native unit, integration and doc tests (cargo test)
#   2. clippy with the no-panic lints, as errors
#   3. wasm-bindgen tests in headless Debian Chromium (chromedriver)
#   4. the browser build (wasm-pack.toml settings) and the end-to-end Playwright tests against it
#   5. the benchmarks: size (gzip bytes a reader downloads, a budget per chart kind), native render times, and
#      bench/run.mjs (treaty-charts against Chart.js and Vega-Lite in Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

step "setup"
./scripts/setup.sh

step "native tests"
cargo test --all-targets
cargo test --doc

step "clippy"
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
# The browser's modules are built one chart kind each, without French and Spanish (src/charts/mod.rs, ONLY).
TREATY_CHARTS_ONLY=status cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

step "wasm tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test web

step "browser build"
python3 scripts/build_web.py

step "end-to-end tests (Playwright, Debian Chromium)"
node --test tests/e2e/

step "benchmarks (numbers, not pass/fail)"
python3 scripts/size.py
cargo run --quiet --release --bin treaty-charts-bench
node bench/run.mjs
