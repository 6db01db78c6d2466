#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian machine
# (idempotent: each step is skipped when its tool is already there).
#   - the wasm32-unknown-unknown Rust target
#   - wasm-bindgen-cli at exactly the wasm-bindgen version pinned in Cargo.toml
#     (also provides wasm-bindgen-test-runner)
#   - Debian's chromium + chromium-driver (browser tests; never a downloaded browser)
#   - npm dev packages from package-lock.json (binaryen's wasm-opt, esbuild, playwright-core, chart.js, vega)
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the crate byte for byte; the pin lives in Cargo.toml.
wb_version=$(sed -nE 's/^wasm-bindgen = \{ version = "=([0-9.]+)".*/\1/p; s/^wasm-bindgen = "=([0-9.]+)"/\1/p' Cargo.toml | head -n1)
[ -n "$wb_version" ] || { echo "setup: cannot find the pinned wasm-bindgen version in Cargo.toml" >&2; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ] \
   || ! command -v wasm-bindgen-test-runner >/dev/null; then
  log "installing wasm-bindgen-cli $wb_version (takes 4-10 minutes)"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "installing Debian chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/binaryen ] || [ ! -d node_modules/esbuild ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dev packages (binaryen, esbuild, playwright-core, the benchmark's peers)"
  # Never let a package fetch a browser of its own.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
log "ready"
