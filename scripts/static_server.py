#!/usr/bin/env python3
"""Serves a folder over HTTP on localhost the way the embeds need it served: `.wasm` as `application/wasm`, and
`Access-Control-Allow-Origin: *` on every file, so that pages on other origins — and sandboxed iframes, whose
origin is opaque (WordPress embeds them with `sandbox="allow-scripts"`) — can load the module, its `.wasm` and
the map's outlines. Nothing is cached (a rebuilt gallery shows at once).

    python3 scripts/static_server.py DIR [PORT]      (PORT 0 picks a free one; the chosen port is printed)
"""
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json"}

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args) -> None:  # quiet: the tests and the gallery do not need a request log
        pass


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    directory, port = sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 8000
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=directory))
    print(f"Serving HTTP on 127.0.0.1 port {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
