#!/usr/bin/env python3
"""Builds the browser bundle and the gallery into the out-dir named in wasm-pack.toml.

Reads every setting from wasm-pack.toml (target, profile, out-dir, out-name, wasm-opt args, static fallbacks):
  1. reads the chart registry from the native CLI (`treaty-charts meta --json`)
  2. for each chart kind: cargo build --lib --target wasm32-unknown-unknown --profile <profile> with
     TREATY_CHARTS_ONLY=<kind>, wasm-bindgen --target <target>, node_modules/.bin/wasm-opt <args> (binaryen from
     npm; never Debian's) → <out-name>_<kind>_bg.wasm; the glue, the same for all, as one factory <out-name>.js
  3. copies www/ next to them (loader, gallery pages)
  4. writes the registry into <out-dir>/meta.json and into the loader (chart names, reserved heights per width,
     messages, theme colours, each kind's module and each fetched language's address), a gallery section per
     chart, the map geometry and the catalogues of the languages the modules fetch (<out-name>_<lang>.json);
     bundles the loader and glue into one minified module with esbuild ([bundle])
  5. writes static SVG fallbacks with the native CLI into <out-dir>/static/
  6. assembles the npm package in <out-dir>/npm/ (www/npm/package.json with the crate's version, the loader,
     .wasm files, catalogues, world geometry, registry, type declarations, README and LICENSE); `npm pack ./dist/npm` makes the tarball
"""
import html
import json
import os
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


def meta(cli: pathlib.Path) -> dict:
    """The crate's chart registry (names, options, reserved heights, the loader's messages, theme colours)."""
    out = subprocess.run([str(cli), "meta", "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def inject(loader: pathlib.Path, registry: dict, out_name: str) -> None:
    """Writes the registry into the loader, so that it knows the charts and reserves their heights before the
    wasm arrives."""
    text = loader.read_text()
    marker = "/*META*/null"
    if marker not in text:
        sys.exit(f"build: {marker} not found in {loader}")
    # Every reader downloads the loader: it gets the registry without the builder's list of states, and each
    # heights table as differences from the height before (the loader adds them up again).
    lean = {k: v for k, v in registry.items() if k != "states"}
    lean["charts"] = [{**c, "heights": {lang: [h[0]] + [b - a for a, b in zip(h, h[1:])] for lang, h in c["heights"].items()}}
                      for c in registry["charts"]]
    text = text.replace(marker, json.dumps(lean, separators=(",", ":"), ensure_ascii=False))
    # Each kind's .wasm and each fetched language's catalogue by a literal address (see wasm_modules), which
    # bundlers recognise as an asset: `name: () => new URL("./file", import.meta.url)`.
    for table, files in (("/*MODULES*/{}", {c["name"]: f"{out_name}_{c['name']}_bg.wasm" for c in registry["charts"]}),
                         ("/*CATALOGUES*/{}", {t: f"{out_name}_{t}.json" for t in registry["catalogues"]})):
        if table not in text:
            sys.exit(f"build: {table} not found in {loader}")
        urls = ", ".join(f"{json.dumps(k)}: () => new URL({json.dumps('./' + f)}, import.meta.url)" for k, f in files.items())
        text = text.replace(table, "{" + urls + "}")
    loader.write_text(text)
    log(f"registry written into {loader.name} ({len(registry['charts'])} charts, "
        f"{len(registry['charts'][0]['heights']['en'])} widths, {len(registry['charts'][0]['deltas']['en'])} years, {len(registry['locales'])} languages each)")


def minify_css(loader: pathlib.Path, esbuild: pathlib.Path) -> None:
    """The element's style sheet (the loader's `const CSS = `…`` template) minified by esbuild's CSS minifier, which
    the JS minifier leaves alone inside a string: its comments and white space are about 0.4 KB gzip. The pieces
    between `${…}` interpolations are whole rules and are minified one by one."""
    text = loader.read_text()
    start_marker, end_marker = "const CSS = `", "\n`;"
    if text.count(start_marker) != 1:
        sys.exit(f"build: {start_marker} not found once in {loader}")
    start = text.index(start_marker) + len(start_marker)
    end = text.index(end_marker, start)
    pieces = re.split(r"(\$\{[^}]*\})", text[start:end])
    out = []
    for piece in pieces:
        if piece.startswith("${") or not piece.strip():
            out.append(piece)
            continue
        done = subprocess.run([str(esbuild), "--loader=css", "--minify", "--charset=utf8", "--log-level=warning"], input=piece, text=True,
                              capture_output=True, check=True).stdout.strip()
        if "`" in done or "\\" in done or "${" in done:
            sys.exit("build: the minified style sheet has a character a template literal would read otherwise")
        out.append(done)
    css = "".join(out)
    loader.write_text(text[:start] + css + text[end:])
    log(f"style sheet minified: {end - start:,} → {len(css):,} characters")


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
    minify_css(loader, esbuild)
    run(str(esbuild), str(loader), *cfg.get("args", []), f"--outfile={loader}", "--allow-overwrite", "--log-level=warning")
    glue.unlink()
    for script in cfg.get("minify", []):
        path = out_dir / script
        run(str(esbuild), str(path), *[a for a in cfg.get("args", []) if a != "--bundle"], f"--outfile={path}",
            "--allow-overwrite", "--log-level=warning")
    log(f"loader and glue bundled into {loader.name}: {before:,} → {len(loader.read_bytes()):,} bytes")


def gallery(page: pathlib.Path, registry: dict, widths: list, dates: list, site: str, out_name: str) -> None:
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
        # As the builder writes it: the files the chart fetches preloaded beside the loader (its .wasm, the map's
        # outlines), and the static image as the element's content for readers without JavaScript.
        fetched = [f"{out_name}_{c['name']}_bg.wasm"] + ([f"{out_name}_world.bin"] if c.get("world") else [])
        wasm_type = ' type="application/wasm"'
        preloads = "".join(f'<link rel="preload" href="{site}{f}" as="fetch"{wasm_type if f.endswith(".wasm") else ""} crossorigin>\n'
                           for f in fetched)
        snippet = html.escape(f'{preloads}<script type="module" src="{site}treaty-charts.js"></script>\n'
                              f'<treaty-chart chart="{c["name"]}"{example}>\n'
                              f'  <a href="{site}static/{c["name"]}-latest-640.svg">{c["about"]["en"]}</a>\n</treaty-chart>')
        sections.append(f"""
  <h2 id="{name}">{about}</h2>
  <treaty-chart chart="{name}" id="chart-{name}"{example}><a href="static/{name}-latest-640.svg">{about} (static image)</a></treaty-chart>
  <details><summary>Embed this chart</summary>
    <pre>{snippet}</pre>
    <p>Options: {html.escape(", ".join([o["name"] for o in c["options"]] + registry["attributes"]))}. <a href="builder.html?chart={name}">Make this embed in the builder</a> (date, language, iframe code, PNG and CSV).</p>
  </details>
  <p class="links">Static fallback for print or no-script pages: {static} · <a href="static/{name}-latest.csv">CSV</a></p>""")
    text = text.replace(marker, "".join(sections))
    pre = "/*PRE-HEIGHTS*/"
    if pre not in text:
        sys.exit(f"build: {pre} not found in {page}")
    page.write_text(text.replace(pre, pre_heights(registry)))


def pre_heights(registry: dict) -> str:
    """CSS that holds each gallery chart's height before the loader has run (until then an element is its fallback
    link, one line tall; the loader reserves the exact height once it runs): the registry's English height at the
    gallery's column width (the viewport less main's 16 px padding each side, at most main's 760 px), plus the "About this
    data" row, for viewports from 320 px up."""
    w = registry["widths"]

    def height(table: list, col: int) -> int:
        at = (min(max(col, w["min"]), w["max"]) - w["min"]) / w["step"]
        i = min(len(table) - 1, int(at))
        j = min(len(table) - 1, i + 1)
        return round(table[i] + (table[j] - table[i]) * (at - i)) + 37  # ABOUT_ROW in the loader

    rules = []
    for viewport in (0, 375, 430, 600, 792):
        col = min(max(viewport, 320) - 32, 760)
        body = " ".join(f"#chart-{c['name']}:not(:defined) {{ display: block; min-height: {height(c['heights']['en'], col)}px; }}"
                        for c in registry["charts"])
        rules.append(body if viewport == 0 else f"@media (min-width: {viewport}px) {{ {body} }}")
    return "\n  ".join(rules)


def page_themes(pages: list, registry: dict) -> None:
    """The gallery's and the builder's own colours are the charts' theme roles (the registry's CSS custom
    properties, `--tc-surface`, `--tc-ink`, …), light or dark as the reader's setting asks, written in at their
    /*THEMES*/ marker: the pages follow a dark setting on screen as the charts on them do, and print light, as
    the charts do."""
    themes = registry["themes"]
    css = (f":root {{ color-scheme: light; {themes['light']} }}\n"
           f"  @media screen and (prefers-color-scheme: dark) {{ :root {{ color-scheme: dark; {themes['dark']} }} }}")
    for page in pages:
        text = page.read_text()
        if "/*THEMES*/" not in text:
            sys.exit(f"build: /*THEMES*/ not found in {page}")
        page.write_text(text.replace("/*THEMES*/", css))


def embed_pages(out_dir: pathlib.Path, out_name: str, registry: dict, site: str, widths: list) -> None:
    """The iframe pages: embed.html (any chart, from its address; without JavaScript it links every chart's static
    image), and one embed-<chart>.html per chart (without JavaScript, its static image of the newest data at the
    static width that suits the frame — `srcset` over `widths` — and a line saying what it is; and an oEmbed discovery link
    to oembed-<chart>.json, so that a CMS that supports oEmbed embeds a pasted address)."""
    template = (out_dir / "embed.html").read_text()
    for marker in ("<!--NOSCRIPT-->", "<!--OEMBED-->", "<!--TITLE-->", "<!--CHART-->", "<!--PRELOAD-->", "<!--DEFAULTS-->"):
        if marker not in template:
            sys.exit(f"build: {marker} not found in embed.html")
    links = "".join(f'<p><a href="static/{html.escape(c["name"])}-latest-640.svg">{html.escape(c["about"]["en"])}</a></p>'
                    for c in registry["charts"])
    generic = template.replace("<!--NOSCRIPT-->", f"<p>This chart needs JavaScript. Static images:</p>{links}")
    # The page for any chart cannot know which kind's module its address asks for, so it preloads none.
    (out_dir / "embed.html").write_text(generic.replace("<!--OEMBED-->", "").replace("<!--TITLE-->", "").replace("<!--CHART-->", "")
                                        .replace("<!--PRELOAD-->", "").replace("<!--DEFAULTS-->", ""))
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
        # A page without JavaScript cannot read its address: the image says which date and language it shows, so
        # that a reader of a dated or French article is not handed other numbers as if they were the article's.
        srcset = ", ".join(f"static/{name}-latest-{w}.svg {w}w" for w in widths)
        y, m, d = (int(p) for p in registry["newest"].split("-"))
        newest = f"{d} {['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} {y}"
        # The example's state (the country card's), named: an address asking for another state gets a caption
        # that says whose card the image is.
        state = c.get("example", {}).get("country")
        names = {s["iso3"]: s["names"]["en"] for s in registry["states"]}
        of = f", for {html.escape(names.get(state, state))}" if state else ""
        noscript = (f'<p class="nojs">Static image of the newest data ({newest}), in English{of}; the chart this address '
                    'asks for, with its date and language, needs JavaScript.</p>'
                    f'<img src="static/{name}-latest-640.svg" srcset="{srcset}" sizes="100vw" '
                    f'alt="{html.escape(about)} (static image, {newest})">')
        # Its kind's .wasm downloads beside the loader, not after it (one round trip less on a slow link).
        preload = (f'<link rel="preload" href="./{out_name}_{html.escape(name)}_bg.wasm" as="fetch" '
                   'type="application/wasm" crossorigin>')
        (out_dir / page).write_text(template.replace("<!--NOSCRIPT-->", noscript).replace("<!--OEMBED-->", discovery)
                                    .replace("<!--TITLE-->", f"{html.escape(about)} – ").replace("<!--CHART-->", html.escape(name))
                                    .replace("<!--PRELOAD-->", preload)
                                    # The chart's example options (the country card's state) where the address
                                    # gives none, so that the bare page, which oEmbed and the builder's address
                                    # hand out, shows what its static image shows.
                                    .replace("<!--DEFAULTS-->", html.escape(query)))


def glue_factory(glue: str, out_name: str) -> str:
    """The wasm-bindgen glue (an ES module holding one instance in module-level variables) as a module exporting
    `glue()`, which makes a fresh copy of it: one per chart kind's `.wasm` on a page. Checks the glue's shape, so
    that a wasm-bindgen that writes it differently stops the build here rather than in a reader's browser."""
    body, exports = [], []
    # The loader always passes each module's address; the glue's default (a file that is not shipped) would make
    # bundlers such as webpack fail to resolve it.
    default = f"        module_or_path = new URL('{out_name}_bg.wasm', import.meta.url);"
    if glue.count(default) != 1:
        sys.exit("build: the wasm-bindgen glue's default module address was not found where expected")
    glue = glue.replace(default, "        throw new Error('treaty-charts: no module address given');")
    for line in glue.splitlines():
        if line.startswith("export function "):
            exports.append(line[len("export function "):].split("(")[0])
            body.append(line[len("export "):])
        elif line.startswith("export {"):
            if line != "export { initSync, __wbg_init as default };":
                sys.exit(f"build: unexpected export in the wasm-bindgen glue: {line}")
        elif line.startswith(("export ", "import ")):
            sys.exit(f"build: unexpected line in the wasm-bindgen glue: {line}")
        else:
            body.append(line)
    if not exports:
        sys.exit("build: no exported functions in the wasm-bindgen glue")
    return ("// The wasm-bindgen glue, made a factory by scripts/build_web.py: glue() is a fresh copy, for one module.\n"
            "export function glue() {\n" + "\n".join(body) +
            f"\nreturn {{ {', '.join(exports)}, initSync, default: __wbg_init }};\n}}\n")


def wasm_modules(registry: dict, cfg: dict, out_dir: pathlib.Path, out_name: str, target: str, profile: str) -> None:
    """One `.wasm` per chart kind, <out-name>_<kind>_bg.wasm: the library compiled with TREATY_CHARTS_ONLY=<kind>
    (src/charts/mod.rs), so that a page downloads only the code of the charts on it; then wasm-bindgen and
    wasm-opt. Every kind's glue must be the same (the same exports and imports), so that one glue serves them all;
    it is written as <out-name>.js, made a factory (see glue_factory)."""
    profile_dir = "release" if profile == "release" else ("debug" if profile == "dev" else profile)
    wasm_in = ROOT / "target" / "wasm32-unknown-unknown" / profile_dir / "treaty_charts.wasm"
    opt = cfg.get("wasm-opt", {})
    wasm_opt = ROOT / "node_modules" / ".bin" / "wasm-opt"
    if opt.get("enabled", False) and not wasm_opt.exists():
        sys.exit("build: node_modules/.bin/wasm-opt is missing; run scripts/setup.sh")
    tmp = out_dir / ".bindgen"
    glue = None
    for kind in (c["name"] for c in registry["charts"]):
        log(f"the {kind} chart's module: TREATY_CHARTS_ONLY={kind}")
        subprocess.run(["cargo", "build", "--lib", "--target", "wasm32-unknown-unknown", "--profile", profile],
                       cwd=ROOT, check=True, env={**os.environ, "TREATY_CHARTS_ONLY": kind})
        if tmp.exists():
            shutil.rmtree(tmp)
        # The same out-name for every kind: it names the glue's import module inside each .wasm, so that one glue
        # serves them all; the .wasm is renamed afterwards.
        run("wasm-bindgen", "--target", target, "--out-name", out_name, "--out-dir", str(tmp), "--no-typescript", str(wasm_in))
        this = (tmp / f"{out_name}.js").read_text()
        if glue is not None and this != glue:
            sys.exit(f"build: the glue of the {kind} module differs from the others' (different exports or imports)")
        glue = this
        wasm_out = out_dir / f"{out_name}_{kind}_bg.wasm"
        if opt.get("enabled", False):
            run(str(wasm_opt), *opt["args"], str(tmp / f"{out_name}_bg.wasm"), "-o", str(wasm_out))
        else:
            shutil.copy2(tmp / f"{out_name}_bg.wasm", wasm_out)
    if tmp.exists():
        shutil.rmtree(tmp)
    if glue is None:
        sys.exit("build: the registry names no chart kinds")
    (out_dir / f"{out_name}.js").write_text(glue_factory(glue, out_name))


def main() -> None:
    cfg = tomllib.loads((ROOT / "wasm-pack.toml").read_text())
    target, profile = cfg["target"], cfg["profile"]
    out_dir, out_name = ROOT / cfg["out-dir"], cfg["out-name"]

    # The native CLI first: the registry it prints names the chart kinds, one module each.
    run("cargo", "build", "--release", "--bin", "treaty-charts")
    cli = ROOT / "target" / "release" / "treaty-charts"
    registry = meta(cli)

    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    wasm_modules(registry, cfg, out_dir, out_name, target, profile)

    for item in (ROOT / "www").iterdir():
        dest = out_dir / item.name
        if item.is_dir():
            shutil.copytree(item, dest)
        else:
            shutil.copy2(item, dest)

    # The map's geometry, fetched by the loader only for charts that draw it.
    subprocess.run([str(cli), "world", "--out", str(out_dir / f"{out_name}_world.bin")], check=True)
    # The languages the modules are built without, fetched by the loader for the first chart in each.
    for tag in registry["catalogues"]:
        subprocess.run([str(cli), "catalogue", tag, "--out", str(out_dir / f"{out_name}_{tag}.json")], check=True)
    (out_dir / "meta.json").write_text(json.dumps(registry, indent=1, ensure_ascii=False))
    inject(out_dir / "treaty-charts.js", registry, out_name)
    bundle(out_dir, out_name, cfg.get("bundle", {}))
    static = cfg.get("static", {})
    # `--site URL` overrides [site] for this build (scripts/serve.sh passes the address it serves at).
    site = cfg.get("site", {}).get("url", "http://127.0.0.1:8000/")
    if "--site" in sys.argv[1:]:
        i = sys.argv.index("--site")
        if i + 1 >= len(sys.argv) or not sys.argv[i + 1].startswith(("http://", "https://")):
            sys.exit("build: --site needs an http(s) address ending in /, e.g. --site http://127.0.0.1:8107/")
        site = sys.argv[i + 1] if sys.argv[i + 1].endswith("/") else sys.argv[i + 1] + "/"
    gallery(out_dir / "index.html", registry, static.get("widths", []), static.get("as-of", []), site, out_name)
    page_themes([out_dir / "index.html", out_dir / "builder.html"], registry)
    embed_pages(out_dir, out_name, registry, site, static.get("widths", [640]))

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
    # One .wasm per chart kind and the fetched languages' catalogues, from the registry, in place of "<modules>" in
    # the files and the exports.
    modules = [f"{out_name}_{c['name']}_bg.wasm" for c in registry["charts"]] + [f"{out_name}_{t}.json" for t in registry["catalogues"]]
    manifest["files"] = [x for f in manifest["files"] for x in (modules if f == "<modules>" else [f])]
    manifest["exports"] = {x: y for k, v in manifest["exports"].items()
                           for x, y in ([(f"./{m}", f"./{m}") for m in modules] if k == "./<modules>" else [(k, v)])}
    (npm / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")
    shipped = ["treaty-charts.js", "treaty-charts.d.ts", *modules, f"{out_name}_world.bin", "meta.json"]
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
