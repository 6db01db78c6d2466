#!/usr/bin/env python3
"""Builds the browser bundle and the gallery into the out-dir named in wasm-pack.toml.

Reads every setting from wasm-pack.toml (target, profile, out-dir, out-name, wasm-opt args, static fallbacks):
  1. cargo build --lib --target wasm32-unknown-unknown --profile <profile>
  2. wasm-bindgen --target <target> --out-name <out-name> --out-dir <out-dir>
  3. node_modules/.bin/wasm-opt <args> (binaryen from npm; never Debian's)
  4. copies www/ next to them (loader, gallery pages)
  5. writes the charts' heights per width into the loader (reserved before the wasm loads)
  6. writes static SVG fallbacks with the native CLI into <out-dir>/static/
"""
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def log(msg: str) -> None:
    print(f"\033[1m[build]\033[0m {msg}", file=sys.stderr, flush=True)


def run(*cmd: str) -> None:
    log(" ".join(cmd))
    subprocess.run(cmd, cwd=ROOT, check=True)


def drawn_height(cli: pathlib.Path, chart: str, width: int, as_of: str | None = None) -> int:
    """Height in px of the chart the native CLI draws (the same layout code as the browser)."""
    args = [str(cli), "render", "--chart", chart, "--width", str(width)] + (["--as-of", as_of] if as_of else [])
    svg = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    m = re.match(r'<svg [^>]*?height="(\d+)"', svg)
    if not m:
        sys.exit(f"build: no height in the {chart} SVG at {width} px")
    return int(m.group(1))


# Widths at which the per-year corrections are measured (the loader interpolates between them in 1/width).
DELTA_WIDTHS = (360, 640, 1200)


def reserve_heights(cli: pathlib.Path, loader: pathlib.Path) -> None:
    """Writes into the loader, so that it reserves the right space before the wasm arrives:
    HEIGHTS: each chart's height on the newest data at every 20 px from 280 to 2400 px;
    DELTAS: for each year from 1990, the height on 31 December minus the newest height, at DELTA_WIDTHS
    (earlier charts carry fewer notes)."""
    heights, deltas = {}, {}
    # The newest data's year, read off the chart's own CSV file name; years before it get corrections.
    svg = subprocess.run([str(cli), "render", "--chart", "timeline"], check=True, capture_output=True, text=True).stdout
    m = re.search(r'download="treaty-charts-timeline-(\d{4})-', svg)
    if not m:
        sys.exit("build: cannot read the newest data's year from the timeline SVG")
    last_year = int(m.group(1)) - 1
    for chart in ("timeline", "status"):
        heights[chart] = [drawn_height(cli, chart, w) for w in range(280, 2401, 20)]
        newest = {w: drawn_height(cli, chart, w) for w in DELTA_WIDTHS}
        deltas[chart] = [[drawn_height(cli, chart, w, f"{y}-12-31") - newest[w] for w in DELTA_WIDTHS]
                         for y in range(1990, last_year + 1)]
    text = loader.read_text()
    for marker, value in (("/*HEIGHTS*/null", heights), ("/*DELTAS*/null", deltas)):
        if marker not in text:
            sys.exit(f"build: {marker} not found in {loader}")
        text = text.replace(marker, json.dumps(value, separators=(",", ":")))
    loader.write_text(text)
    log(f"reserved heights written into {loader.name} ({len(heights['timeline'])} widths, "
        f"{len(deltas['timeline'])} years per chart)")


def main() -> None:
    cfg = tomllib.loads((ROOT / "wasm-pack.toml").read_text())
    target, profile = cfg["target"], cfg["profile"]
    out_dir, out_name = ROOT / cfg["out-dir"], cfg["out-name"]
    crate = "treaty_charts"

    run("cargo", "build", "--lib", "--target", "wasm32-unknown-unknown", "--profile", profile)
    profile_dir = "release" if profile == "release" else ("debug" if profile == "dev" else profile)
    wasm_in = ROOT / "target" / "wasm32-unknown-unknown" / profile_dir / f"{crate}.wasm"

    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    run("wasm-bindgen", "--target", target, "--out-name", out_name, "--out-dir", str(out_dir),
        "--no-typescript", str(wasm_in))

    wasm_out = out_dir / f"{out_name}_bg.wasm"
    opt = cfg.get("wasm-opt", {})
    if opt.get("enabled", False):
        wasm_opt = ROOT / "node_modules" / ".bin" / "wasm-opt"
        if not wasm_opt.exists():
            sys.exit("build: node_modules/.bin/wasm-opt is missing; run scripts/setup.sh")
        run(str(wasm_opt), *opt["args"], str(wasm_out), "-o", str(wasm_out))

    for item in (ROOT / "www").iterdir():
        dest = out_dir / item.name
        if item.is_dir():
            shutil.copytree(item, dest)
        else:
            shutil.copy2(item, dest)

    run("cargo", "build", "--release", "--bin", "treaty-charts")
    cli = ROOT / "target" / "release" / "treaty-charts"
    reserve_heights(cli, out_dir / "treaty-charts.js")

    static = cfg.get("static", {})
    if static:
        (out_dir / "static").mkdir(exist_ok=True)
        for chart in ("timeline", "status"):
            for as_of in static.get("as-of", []):
                for width in static.get("widths", []):
                    name = f"{chart}-{as_of}-{width}.svg"
                    args = [str(cli), "render", "--chart", chart, "--width", str(width), "--out",
                            str(out_dir / "static" / name)]
                    if as_of != "latest":
                        args += ["--as-of", as_of]
                    subprocess.run(args, check=True)
                csv = subprocess.run([str(cli), "data", "--chart", chart] +
                                     ([] if as_of == "latest" else ["--as-of", as_of]),
                                     check=True, capture_output=True, text=True).stdout
                (out_dir / "static" / f"{chart}-{as_of}.csv").write_text(csv)
        log(f"static fallbacks in {out_dir / 'static'}")
    log(f"done: {out_dir}")


if __name__ == "__main__":
    main()
