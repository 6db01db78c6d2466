#!/usr/bin/env bash
# The main job: install what is missing, build the browser bundle and gallery, serve it on localhost.
#   PORT=8000 (default) ./scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
port="${PORT:-8000}"
# The gallery's snippets and the oEmbed files carry absolute addresses: this server's.
python3 scripts/build_web.py --site "http://127.0.0.1:${port}/"
out_dir=$(python3 -c 'import tomllib; print(tomllib.load(open("wasm-pack.toml","rb"))["out-dir"])')
echo "[serve] gallery: http://127.0.0.1:${port}/   (Ctrl-C to stop)" >&2
exec python3 scripts/static_server.py "$out_dir" "$port"
