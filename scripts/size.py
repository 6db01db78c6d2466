#!/usr/bin/env python3
"""Prints what a reader downloads for one chart, raw and gzip-compressed (level 9), from the built out-dir, and a
budget table per chart kind against the goal of 40 KB gzip.

Every chart needs the loader (with the glue bundled in, or the glue beside it) and its kind's .wasm
(<out-name>_<kind>_bg.wasm: the library built for that kind alone), whose data section holds the compiled-in tables
and the English catalogue; charts whose registry entry says `world` also fetch the map geometry, and charts in
French or Spanish that language's catalogue (<out-name>_<lang>.json). Reads out-dir and out-name from wasm-pack.toml and the chart kinds from the built meta.json (the
crate's registry). Prints numbers only; it does not fail on size (that is a benchmark, not a test).
"""
import gzip
import json
import pathlib
import tomllib

GOAL = 40 * 1024  # gzip bytes per chart, the goal issue 8 sets (a map may add its geometry)
ROOT = pathlib.Path(__file__).resolve().parent.parent
cfg = tomllib.loads((ROOT / "wasm-pack.toml").read_text())
out = ROOT / cfg["out-dir"]
name = cfg["out-name"]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def sections(wasm: bytes) -> dict:
    """Bytes of the .wasm's code and data sections (the rest: types, imports, exports, tables)."""
    def leb(i):
        r = s = 0
        while True:
            b = wasm[i]
            i += 1
            r |= (b & 0x7F) << s
            s += 7
            if b < 0x80:
                return r, i
    i, found = 8, {}
    while i < len(wasm):
        kind = wasm[i]
        n, i = leb(i + 1)
        found[{10: "code", 11: "data"}.get(kind, "other")] = found.get({10: "code", 11: "data"}.get(kind, "other"), b"") + wasm[i:i + n]
        i += n
    return found


loader = (out / "treaty-charts.js").read_bytes()
glue_path = out / f"{name}.js"
glue = glue_path.read_bytes() if glue_path.exists() else b""
world = (out / f"{name}_world.bin").read_bytes()
registry = json.loads((out / "meta.json").read_text())
wasms = {c["name"]: (out / f"{name}_{c['name']}_bg.wasm").read_bytes() for c in registry["charts"]}

print(f"{'file':<48} {'bytes':>9} {'gzip':>9}")
rows = [("loader treaty-charts.js" + (" (glue bundled in)" if not glue else ""), loader)]
if glue:
    rows.append((f"glue {glue_path.name}", glue))
for kind, wasm in wasms.items():
    parts = sections(wasm)
    rows += [(f"wasm {name}_{kind}_bg.wasm", wasm), ("  of which code section", parts.get("code", b"")),
             ("  of which data section (tables, catalogues)", parts.get("data", b""))]
rows.append((f"map geometry {name}_world.bin", world))
# The languages the modules are built without: a chart in one of them also fetches its catalogue.
catalogues = {t: (out / f"{name}_{t}.json").read_bytes() for t in registry.get("catalogues", [])}
rows += [(f"catalogue {name}_{t}.json (for a chart in {t})", c) for t, c in catalogues.items()]
for label, data in rows:
    print(f"{label:<48} {len(data):>9,} {gz(data):>9,}")

print()
print(f"budget per chart kind, in English (gzip KB; goal {GOAL / 1024:.0f} KB, a map may add its geometry; a chart in "
      + ", ".join(f"{t} adds {gz(c) / 1024:.1f}" for t, c in catalogues.items()) + ")")
print(f"{'chart':<10} {'loader':>7} {'glue':>6} {'wasm':>7} {'assets':>7} {'total':>7} {'goal':>6} {'over by':>8}")
for c in registry["charts"]:
    assets = gz(world) if c.get("world") else 0
    wasm = gz(wasms[c["name"]])
    total = gz(loader) + gz(glue) + wasm + assets
    goal = GOAL + assets
    print(f"{c['name']:<10} {gz(loader) / 1024:>7.1f} {gz(glue) / 1024:>6.1f} {wasm / 1024:>7.1f} {assets / 1024:>7.1f} "
          f"{total / 1024:>7.1f} {goal / 1024:>6.1f} {(total - goal) / 1024:>+8.1f}")
print()
for svg in sorted((out / "static").glob("*-latest-640.svg")):
    raw = svg.read_bytes()
    print(f"{'static ' + svg.name:<48} {len(raw):>9,} {gz(raw):>9,}")
