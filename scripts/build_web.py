#!/usr/bin/env python3
"""Builds the browser bundle and the gallery into the out-dir named in wasm-pack.toml.

Reads every setting from wasm-pack.toml (target, profile, out-dir, out-name, wasm-opt args, static fallbacks):
  1. cargo build --lib --target wasm32-unknown-unknown --profile <profile>
  2. wasm-bindgen --target <target> --out-name <out-name> --out-dir <out-dir>
  3. node_modules/.bin/wasm-opt <args> (binaryen from npm; never Debian's)
  4. copies www/ next to them (loader, gallery pages)
  5. reads the chart registry from the native CLI (`treaty-charts meta --json`) into <out-dir>/meta.json and the
     loader (chart names, reserved heights per width, messages, theme colours), and a gallery section per chart;
     bundles the loader and glue into one minified module with esbuild ([bundle])
  6. writes static SVG fallbacks with the native CLI into <out-dir>/static/
  7. assembles the npm package in <out-dir>/npm/ (www/npm/package.json with the crate's version, the loader,
     .wasm, world geometry, registry, type declarations, README and LICENSE); `npm pack ./dist/npm` makes the tarball
"""
import html
import json
import pathlib
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


def meta(cli: pathlib.Path) -> dict:
    """The crate's chart registry (names, options, reserved heights, the loader's messages, theme colours)."""
    out = subprocess.run([str(cli), "meta", "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def inject(loader: pathlib.Path, registry: dict) -> None:
    """Writes the registry into the loader, so that it knows the charts and reserves their heights before the
    wasm arrives."""
    text = loader.read_text()
    marker = "/*META*/null"
    if marker not in text:
        sys.exit(f"build: {marker} not found in {loader}")
    # Every reader downloads the loader: it gets the registry without the builder's list of states.
    lean = {k: v for k, v in registry.items() if k != "states"}
    loader.write_text(text.replace(marker, json.dumps(lean, separators=(",", ":"), ensure_ascii=False)))
    log(f"registry written into {loader.name} ({len(registry['charts'])} charts, "
        f"{len(registry['charts'][0]['heights']['en'])} widths, {len(registry['charts'][0]['deltas']['en'])} years, {len(registry['locales'])} languages each)")


def bundle(out_dir: pathlib.Path, out_name: str, cfg: dict) -> None:
    """The loader and the wasm-bindgen glue as one minified ES module (esbuild from node_modules, with the args in
    wasm-pack.toml's [bundle]): one request instead of two, no comments or whitespace. The glue's own file is then
    not needed and is removed; the iframe page's script is minified beside it. The readable sources stay in www/."""
    if not cfg.get("enabled", False):
        return
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists():
        sys.exit("build: node_modules/.bin/esbuild is missing; run scripts/setup.sh")
    loader, glue = out_dir / "treaty-charts.js", out_dir / f"{out_name}.js"
    before = len(loader.read_bytes()) + len(glue.read_bytes())
    run(str(esbuild), str(loader), *cfg.get("args", []), f"--outfile={loader}", "--allow-overwrite", "--log-level=warning")
    glue.unlink()
    for script in cfg.get("minify", []):
        path = out_dir / script
        run(str(esbuild), str(path), *[a for a in cfg.get("args", []) if a != "--bundle"], f"--outfile={path}",
            "--allow-overwrite", "--log-level=warning")
    log(f"loader and glue bundled into {loader.name}: {before:,} → {len(loader.read_bytes()):,} bytes")


def gallery(page: pathlib.Path, registry: dict, widths: list, dates: list, site: str) -> None:
    """One section per registered chart in the gallery, at its <!--CHARTS--> marker, each with a complete snippet
    (the script tag from the [site] address, and the element)."""
    marker = "<!--CHARTS-->"
    text = page.read_text()
    if marker not in text:
        sys.exit(f"build: {marker} not found in {page}")
    sections = []
    for c in registry["charts"]:
        name, about = html.escape(c["name"]), html.escape(c["about"]["en"])
        static = " · ".join(f'<a href="static/{name}-latest-{w}.svg">SVG {w} px</a>' for w in widths)
        example = "".join(f' {k}="{html.escape(v)}"' for k, v in c.get("example", {}).items())
        snippet = html.escape(f'<script type="module" src="{site}treaty-charts.js"></script>\n'
                              f'<treaty-chart chart="{c["name"]}"{example}></treaty-chart>')
        sections.append(f"""
  <h2 id="{name}">{about}</h2>
  <treaty-chart chart="{name}" id="chart-{name}"{example}><a href="static/{name}-latest-640.svg">{about} (static image)</a></treaty-chart>
  <details><summary>Embed this chart</summary>
    <pre>{snippet}</pre>
    <p>Options: {html.escape(", ".join(o["name"] for o in c["options"]))}. <a href="builder.html?chart={name}">Make this embed in the builder</a> (date, language, iframe code, PNG and CSV).</p>
  </details>
  <p class="links">Static fallback for print or no-script pages: {static} · <a href="static/{name}-latest.csv">CSV</a></p>""")
    page.write_text(text.replace(marker, "".join(sections)))


def embed_pages(out_dir: pathlib.Path, registry: dict, site: str) -> None:
    """The iframe pages: embed.html (any chart, from its address; without JavaScript it links every chart's static
    image), and one embed-<chart>.html per chart (its static image without JavaScript, and an oEmbed discovery link
    to oembed-<chart>.json, so that a CMS that supports oEmbed embeds a pasted address)."""
    template = (out_dir / "embed.html").read_text()
    for marker in ("<!--NOSCRIPT-->", "<!--OEMBED-->", "<!--TITLE-->", "<!--CHART-->"):
        if marker not in template:
            sys.exit(f"build: {marker} not found in embed.html")
    links = "".join(f'<p><a href="static/{html.escape(c["name"])}-latest-640.svg">{html.escape(c["about"]["en"])}</a></p>'
                    for c in registry["charts"])
    generic = template.replace("<!--NOSCRIPT-->", f"<p>This chart needs JavaScript. Static images:</p>{links}")
    (out_dir / "embed.html").write_text(generic.replace("<!--OEMBED-->", "").replace("<!--TITLE-->", "").replace("<!--CHART-->", ""))
    for c in registry["charts"]:
        name, about = c["name"], c["about"]["en"]
        query = "&".join(f"{k}={v}" for k, v in c.get("example", {}).items())
        page = f"embed-{name}.html"
        height = c["heights"]["en"][(640 - registry["widths"]["min"]) // registry["widths"]["step"]] + 37
        oembed = {
            "version": "1.0", "type": "rich", "provider_name": "treaty-charts", "provider_url": site,
            "title": about, "width": 640, "height": height,
            "html": f'<iframe src="{site}{page}{"?" + query if query else ""}" title="{html.escape(about)}" '
                    f'style="width:100%;height:{height}px;border:0"></iframe>',
        }
        (out_dir / f"oembed-{name}.json").write_text(json.dumps(oembed, indent=1))
        discovery = (f'<link rel="alternate" type="application/json+oembed" href="{site}oembed-{name}.json" '
                     f'title="{html.escape(about)}">')
        noscript = f'<img src="static/{name}-latest-640.svg" alt="{html.escape(about)} (static image)">'
        (out_dir / page).write_text(template.replace("<!--NOSCRIPT-->", noscript).replace("<!--OEMBED-->", discovery)
                                    .replace("<!--TITLE-->", f"{html.escape(about)} – ").replace("<!--CHART-->", html.escape(name)))


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
    registry = meta(cli)
    # The map's geometry, fetched by the loader only for charts that draw it.
    subprocess.run([str(cli), "world", "--out", str(out_dir / f"{out_name}_world.bin")], check=True)
    (out_dir / "meta.json").write_text(json.dumps(registry, indent=1, ensure_ascii=False))
    inject(out_dir / "treaty-charts.js", registry)
    bundle(out_dir, out_name, cfg.get("bundle", {}))
    static = cfg.get("static", {})
    # `--site URL` overrides [site] for this build (scripts/serve.sh passes the address it serves at).
    site = cfg.get("site", {}).get("url", "http://127.0.0.1:8000/")
    if "--site" in sys.argv[1:]:
        i = sys.argv.index("--site")
        if i + 1 >= len(sys.argv) or not sys.argv[i + 1].startswith(("http://", "https://")):
            sys.exit("build: --site needs an http(s) address ending in /, e.g. --site http://127.0.0.1:8107/")
        site = sys.argv[i + 1] if sys.argv[i + 1].endswith("/") else sys.argv[i + 1] + "/"
    gallery(out_dir / "index.html", registry, static.get("widths", []), static.get("as-of", []), site)
    embed_pages(out_dir, registry, site)

    examples = {c["name"]: [a for k, v in c.get("example", {}).items() for a in (f"--{k}", v)] for c in registry["charts"]}
    if static:
        (out_dir / "static").mkdir(exist_ok=True)
        for chart in (c["name"] for c in registry["charts"]):
            for as_of in static.get("as-of", []):
                for width in static.get("widths", []):
                    name = f"{chart}-{as_of}-{width}.svg"
                    args = [str(cli), "render", "--chart", chart, "--width", str(width), "--out",
                            str(out_dir / "static" / name)] + examples[chart]
                    if as_of != "latest":
                        args += ["--as-of", as_of]
                    subprocess.run(args, check=True)
                csv = subprocess.run([str(cli), "data", "--chart", chart] + examples[chart] +
                                     ([] if as_of == "latest" else ["--as-of", as_of]),
                                     check=True, capture_output=True, text=True).stdout
                (out_dir / "static" / f"{chart}-{as_of}.csv").write_text(csv)
        log(f"static fallbacks in {out_dir / 'static'}")
    package(out_dir, out_name, registry)
    log(f"done: {out_dir}")


def package(out_dir: pathlib.Path, out_name: str, registry: dict) -> None:
    """The npm package: the same files a page loads from out-dir, with the crate's version."""
    npm = out_dir / "npm"
    manifest = json.loads((npm / "package.json").read_text())
    manifest["version"] = registry["version"]
    (npm / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")
    shipped = ["treaty-charts.js", "treaty-charts.d.ts", f"{out_name}_bg.wasm", f"{out_name}_world.bin", "meta.json"]
    if (out_dir / f"{out_name}.js").exists():  # the glue, when the loader is not bundled
        shipped.append(f"{out_name}.js")
    for name in shipped:
        shutil.copy2(out_dir / name, npm / name)
    shutil.copy2(ROOT / "LICENSE", npm / "LICENSE")
    missing = [f for f in manifest["files"] if not (npm / f).exists()]
    if missing:
        sys.exit(f"build: npm package lacks {missing}")
    log(f"npm package {manifest['name']}@{manifest['version']} in {npm}")


if __name__ == "__main__":
    main()
