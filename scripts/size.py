#!/usr/bin/env python3
"""Prints what a reader downloads for one chart, raw and gzip-compressed (level 9), from the built out-dir.

The data is compiled into the .wasm, so loader + glue + wasm is everything. Reads out-dir and out-name from
wasm-pack.toml. Prints numbers only; it does not fail on size (that is a benchmark, not a test).
"""
import gzip
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
cfg = tomllib.loads((ROOT / "wasm-pack.toml").read_text())
out = ROOT / cfg["out-dir"]
name = cfg["out-name"]
files = [
    ("loader", out / "treaty-charts.js"),
    ("glue", out / f"{name}.js"),
    ("wasm (code + data)", out / f"{name}_bg.wasm"),
]
total_raw = total_gz = 0
print(f"{'file':<40} {'bytes':>9} {'gzip':>9}")
for label, path in files:
    raw = path.read_bytes()
    gz = len(gzip.compress(raw, compresslevel=9, mtime=0))
    total_raw += len(raw)
    total_gz += gz
    print(f"{label + ' ' + path.name:<40} {len(raw):>9,} {gz:>9,}")
print(f"{'total for one chart':<40} {total_raw:>9,} {total_gz:>9,}")
for svg in sorted((out / "static").glob("*-latest-640.svg")):
    raw = svg.read_bytes()
    print(f"{'static ' + svg.name:<40} {len(raw):>9,} {len(gzip.compress(raw, 9, mtime=0)):>9,}")
