// treaty-charts loader: defines <treaty-chart>.
//
//   <script type="module" src=".../treaty-charts.js"></script>
//   <treaty-chart chart="timeline" as-of="2020-08-03"></treaty-chart>
//
// Each chart kind has its own .wasm next to this file (treaty_charts_<chart>_bg.wasm), fetched and compiled once
// for every chart of that kind on the page, so a page downloads only the code of the charts on it (and, for charts
// in French or Spanish, that language's messages: treaty_charts_<lang>.json). Each chart renders into
// its own shadow root (host CSS cannot reach it), fits its container's width, re-renders on resize, and reserves
// its height before it loads. Rust draws the chart and writes every word; this file only wires the element's
// lifecycle, the tooltip (pointer, tap, keyboard) and the observers. Nothing here allocates or reads layout per
// pointer move.

// The wasm-bindgen glue as a factory (scripts/build_web.py): glue() is a fresh copy of it for one module.
import { glue } from './treaty_charts.js';

// Each kind's module, written in by scripts/build_web.py from the registry as `kind: () => new URL('./…_bg.wasm',
// import.meta.url)` with a literal address, the form bundlers (Vite, webpack 5, Parcel) find and copy as an asset.
const MODULES = /*MODULES*/{};
const moduleUrl = (kind) => MODULES[kind]?.() ?? new URL(`./treaty_charts_${kind}_bg.wasm`, import.meta.url);
// The same for the languages the modules are built without (French, Spanish): their messages and names, fetched
// once for the page before the first chart in that language.
const CATALOGUES = /*CATALOGUES*/{};
const catalogueUrl = (lang) => CATALOGUES[lang]?.() ?? new URL(`./treaty_charts_${lang}.json`, import.meta.url);
// The map's outlines: a separate file, fetched once, only for charts that draw them.
const WORLD_URL = new URL('./treaty_charts_world.bin', import.meta.url);
// The chart registry, messages and theme colours, written in by scripts/build_web.py from `treaty-charts meta
// --json` (the crate's registry): chart names, reserved heights per width, per-year corrections.
const META = /*META*/null;
// Each heights table is written as its first height and then each next one's difference (smaller numbers, 0.6 KB
// less gzip); the registry readers see has the heights themselves.
for (const c of META?.charts ?? []) for (const l of Object.keys(c.heights)) { let h = 0; c.heights[l] = c.heights[l].map((d) => (h += d)); }
const CHARTS = Object.fromEntries((META?.charts ?? []).map((c) => [c.name, c]));
const DEFAULT_KIND = META?.charts[0]?.name ?? 'timeline';
// The kind whose module draws a chart with this `chart` option: its own; for a name that is no kind, the
// default's, which answers with the message listing the valid ones.
const kindOf = (chart) => {
  const name = String(chart ?? DEFAULT_KIND).trim().toLowerCase();
  return Object.hasOwn(CHARTS, name) ? name : DEFAULT_KIND;
};
// A `width` the chart takes: whole pixels, digits only ("1e3" and "640px" are refused by the chart itself).
const wholePx = (v) => (/^\s*\d+\s*$/.test(v ?? '') ? Number(v) : NaN);
const MIN_WIDTH = META?.widths.min ?? 280;
const MAX_WIDTH = META?.widths.max ?? 2400;
const LOCALES = META?.locales ?? ['en'];
const FALLBACK_TEXT = { loading: 'Loading chart…', loadFailed: 'This chart could not be loaded.', errorLead: 'This chart could not be drawn.', about: 'About this data' };
const textFor = (lang) => META?.messages[lang] ?? META?.messages.en ?? FALLBACK_TEXT;
const TEXT = textFor('en');
// Attributes CMSs and page builders add to embedded elements: not ours, harmless, ignored with one warning.
const HARMLESS = /^(height|align|loading|frameborder|scrolling|allowfullscreen|allow|sandbox|referrerpolicy|border|marginwidth|marginheight)$/;
const warned = new Set();
// Charts on the page, and one observer of the page's `lang` attributes for all of them: a page that switches its
// language (a site's language menu) redraws the charts whose language follows it.
const connected = new Set();
let languages = null;
function watchLanguages() {
  if (languages) return;
  languages = new MutationObserver(() => {
    for (const el of connected) if (el._mod && el._language() !== el._lang) { el._dirty = true; el._schedule(); }
  });
  languages.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}
// True when `el` has focus the way the keyboard gives it (`:focus-visible`; browsers without it: always).
function keyboardFocus(el) {
  try {
    return el.matches(':focus-visible');
  } catch {
    return true;
  }
}
// A message template of the registry's filled in: "{name}" → args.name.
const fill = (t, args) => (t ?? '').replace(/\{(\w+)\}/g, (m, k) => (k in args ? String(args[k]) : m));
// Bad input the element can still draw with (a language the charts do not speak, a switch's odd value, a width
// scaled down): a line under the chart in its language (message `key` of the registry, filled with `args`), and
// one console line a page (`message`, for the key `once`).
function notice(el, key, args, once, message) {
  el?._notes?.set(once, fill(textFor(key === 'noticeLang' ? 'en' : el._lang ?? 'en')[key], args));
  warnOnce(once, message, el);
}
// A warning, once a page for each `key`, naming the element `el` it first arose on (`<treaty-chart id="a">`).
function warnOnce(key, message, el) {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`${el?._describe?.() ?? '<treaty-chart>'}: ${message}`);
}
// Attributes any HTML element may carry (HTML's global attributes, microdata, ARIA, data-*, event handlers);
// everything else is passed to Rust, so a misspelt option is an error.
const GLOBAL = /^(id|class|style|hidden|lang|dir|tabindex|slot|part|exportparts|role|title|translate|inert|is|nonce|autofocus|autocapitalize|autocorrect|accesskey|draggable|contenteditable|spellcheck|enterkeyhint|inputmode|popover|writingsuggestions|virtualkeyboardpolicy|itemid|itemprop|itemref|itemscope|itemtype|xmlns(:.*)?|xml:.*|aria-.*|data-.*|on.*)$/;
// The loader's own attributes, `controls` (a time slider) and `eager` (draw even while far out of view), as the
// registry lists them (options::ELEMENT_ATTRIBUTES).
const OWN = new Set(META?.attributes ?? ['controls', 'eager']);
// Whether one of them is on: present (`controls`, `controls=""`), as in HTML, unless a CMS template wrote it as off
// (`controls="false"`, `off`, `no`, `0`). Any other value is read as on, and said once, since it may have meant
// something else.
const isOn = (el, name) => {
  const v = el.getAttribute(name);
  if (v === null || /^\s*(false|off|no|0)\s*$/i.test(v)) return false;
  if (!/^\s*(|true|on|yes|1)\s*$/i.test(v) && v.trim().toLowerCase() !== name) {
    const value = v.length > 40 ? `${v.slice(0, 40)}…` : v;
    notice(el, 'noticeSwitch', { name, value }, `${name}:${v}`, `${name}="${value}" is read as on; write ${name} (or ${name}="true") to turn it on, ${name}="false" to leave it off.`);
  }
  return true;
};
// A touch that lands beside a small target (an island state) takes the nearest within this many CSS px.
const TOUCH_SLOP = 20;
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

// The reasons already written to the console for load failures: one line per reason (an offline page or a
// Content-Security-Policy fails every module the same way), not one per chart or per file.
const fatalLogged = new Set();
// The modules fetched so far, by chart kind: { kind, api (its glue), ready (a promise of this), memory, world }.
const modules = new Map();
function loadModule(kind) {
  let m = modules.get(kind);
  if (!m) {
    const url = moduleUrl(kind);
    m = { kind, api: glue(), memory: null, world: null, worldReady: false, langs: new Map(), langsReady: new Set() };
    // A failed fetch is not kept: the next chart of the kind (or a redraw) tries again, as on a flaky link.
    m.ready = m.api.default({ module_or_path: url }).then((exports) => { m.memory = exports.memory; return m; },
      (e) => { modules.delete(kind); throw Object.assign(e instanceof Error ? e : new Error(String(e)), { moduleUrl: url.href }); });
    modules.set(kind, m);
  }
  return m.ready;
}
// The map's outlines, fetched once for the page and given to each module that draws them.
let worldBytes = null;
function loadWorld(m) {
  const asWorld = (e) => Object.assign(e instanceof Error ? e : new Error(String(e)), { worldFile: true });
  worldBytes ??= fetch(WORLD_URL).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.arrayBuffer();
  }).catch((e) => { worldBytes = null; throw asWorld(e); });
  m.world ??= Promise.all([m.ready, worldBytes]).then(([, buf]) => {
    try {
      m.api.setWorld(new Uint8Array(buf));
    } catch (e) {
      throw asWorld(e); // a damaged file: kept, so as not to fetch it again
    }
    m.worldReady = true;
    return m;
  }, (e) => { m.world = null; throw e; });
  return m.world;
}
const loaded = () => [...modules.values()].find((m) => m.memory);
// A language's catalogue: fetched once for the page, given to each module that draws in it. Where it cannot be
// had (a host that did not copy the file, a failed fetch), the charts in that language are drawn in English,
// with one warning, rather than not at all.
const fetched = (lang) => Object.hasOwn(CATALOGUES, lang);
const catalogueItems = new Map();
function loadLocale(m, lang) {
  if (!fetched(lang)) return m.ready;
  let p = m.langs.get(lang);
  if (!p) {
    let items = catalogueItems.get(lang);
    if (!items) {
      const url = catalogueUrl(lang);
      items = fetch(url).then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json();
      }).catch((e) => {
        warnOnce(`catalogue:${lang}`, `the ${lang} messages could not be loaded from ${url.href} (${e?.message ?? e}); charts in ${lang} are drawn in English.`);
        return null;
      });
      catalogueItems.set(lang, items);
    }
    p = Promise.all([m.ready, items]).then(([, it]) => {
      try {
        if (it) m.api.setLocale(it);
      } catch (e) {
        warnOnce(`catalogue:${lang}`, `the ${lang} messages at ${catalogueUrl(lang).href} do not fit this version (${e?.message ?? e}); charts in ${lang} are drawn in English.`);
      }
      m.langsReady.add(lang);
      return m;
    });
    m.langs.set(lang, p);
  }
  return p;
}
const langReady = (m, lang) => !fetched(lang) || m.langsReady.has(lang);
// The primary subtag of a language option (`fr-CA` → `fr`).
const primary = (lang) => String(lang ?? 'en').trim().split(/[-_]/)[0].toLowerCase();
// What failed, for the one console line.
const failed = (err) => err?.worldFile ? `the map's outlines could not be loaded from ${WORLD_URL.href}`
  : `the chart module could not be loaded from ${err?.moduleUrl ?? 'beside the loader'}`;

/**
 * Resolves when the module that draws `chart` (a chart kind; the default kind when omitted) is ready to write in
 * `lang` (English when omitted), for pages that call the exports below (the iframe page, the builder).
 */
export function whenReady(chart, lang) { return loadModule(kindOf(chart)).then((m) => loadLocale(m, primary(lang))); }

/**
 * The files a chart of this kind (`chart`, a registry name) in this language fetches besides the loader: its kind's
 * `.wasm`, the map's outlines, the language's messages (French, Spanish) — absolute addresses, beside the loader.
 * For `<link rel="preload" as="fetch" crossorigin>` lines before the script tag (the builder's snippet has them),
 * so that they download with the loader rather than after it: one round trip less on a slow link.
 */
export function assets(chart, lang) {
  const kind = kindOf(chart);
  const l = primary(lang);
  return [moduleUrl(kind).href, ...(CHARTS[kind]?.world ? [WORLD_URL.href] : []), ...(fetched(l) ? [catalogueUrl(l).href] : [])];
}

/** Bytes of the chart modules' WebAssembly memories (0 until one has loaded), for measuring (the benchmark). */
export function memoryBytes() { return [...modules.values()].reduce((n, m) => n + (m.memory?.buffer.byteLength ?? 0), 0); }

/**
 * The iframe page's query parameters (flat `[name, value, …]`, decoded) → the chart options among them (flat);
 * throws the sentence to show for a refused address. Needs a module: call after `whenReady()`.
 */
export function embedParams(params) {
  const m = loaded();
  if (!m) throw new Error('embedParams: no chart module has loaded yet; await whenReady() first');
  return m.api.embedParams(params);
}

/**
 * The sentence a chart shows for `options` (as attributes: `{chart, country, …}`), or undefined when it draws: a
 * rejected option in words (English unless `lang` says otherwise). Needs a module: call after `whenReady()`.
 */
export function check(options) {
  const m = loaded();
  if (!m) throw new Error('check: no chart module has loaded yet; await whenReady() first');
  return m.api.checkOptions(Object.entries(options).flat());
}

/**
 * A chart as a standalone SVG document and as CSV, for downloads: `options` as attributes (`{chart, 'as-of', …}`);
 * notes in full unless `notes` says otherwise. Resolves with `{svg, csv}`; rejects with the sentence of a
 * rejected option.
 */
export async function files(options) {
  let m = await loadModule(kindOf(options.chart)).then((mod) => loadLocale(mod, primary(options.lang)));
  if (CHARTS[m.kind]?.world) m = await loadWorld(m);
  const flat = Object.entries(options).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, String(v)]).flat();
  try {
    return { svg: m.api.svgOf(flat), csv: m.api.csvOf(flat) };
  } catch (e) {
    throw new Error(String(e));
  }
}

// On paper, always light (see the drawing's style sheet, src/svg.rs).
const THEME_CSS = META ? `figure { ${META.themes.light} } figure[data-theme=dark] { ${META.themes.dark} }
@media screen and (prefers-color-scheme: dark) { figure[data-theme=auto] { ${META.themes.dark} } }
@media print { figure[data-theme] { ${META.themes.light} } }` : '';

const CSS = `
/* all: initial stops the page's inherited text styles (letter-spacing, text-transform, colour, line-height …) at
   the host; direction is exempt from 'all', so the figure sets it. The chart takes the width it is given, also
   in flex rows and centred flex columns (stretch: the container's width less the element's own margins). */
:host { all: initial; display: block; position: relative; box-sizing: border-box; width: 100%;
  width: -webkit-fill-available; width: -moz-available; width: stretch; max-width: 100%; min-width: 0;
  flex: 1 1 100%; }
:host([hidden]) { display: none; }
${THEME_CSS}
/* The chart paints its own surface, so its text and the loader's own keep their contrast on any page. */
figure { margin: 0; position: relative; direction: ltr; unicode-bidi: isolate; text-align: left;
  min-height: var(--tc-reserve, 0px); background: var(--tc-surface); color: var(--tc-ink); }
.chart { outline: none; border-radius: 2px; }
/* Inside the chart's own padding: a ring outside it would cover the time controls above. */
/* An outline is painted over the content (a box-shadow would be under the drawing's own background). */
.chart:focus-visible { outline: 3px solid var(--tc-focus); outline-offset: -3px; }
/* Fallback content (the element's children) shows only when the chart cannot run. */
.fallback { font: 15px/1.5 Arial, 'Liberation Sans', Helvetica, sans-serif; color: var(--tc-ink); margin-top: 6px; }
::slotted(*) { color: var(--tc-ink) !important; background: transparent !important; }
::slotted(a) { color: var(--tc-link) !important; }
/* Drawn at the container's width (or the width attribute); only ever scaled down, never stretched. */
svg { display: block; max-width: 100%; height: auto; }
/* A label over a mark (a count in its bar) lets the pointer through to the mark; a highlighted state's name on the
   map is that state's target (data-hit); the CSV link stays a link. */
svg text { pointer-events: none; }
svg a text, svg text[data-hit] { pointer-events: auto; }
.tip { position: absolute; top: 0; left: 0; z-index: 2; pointer-events: none; max-width: min(260px, 70%); padding: 6px 9px;
  background: var(--tc-tip-surface); color: var(--tc-ink); border: 1px solid var(--tc-tip-border); border-radius: 3px;
  box-shadow: 0 2px 6px rgba(0,0,0,.18); font: 13px/1.35 Arial, 'Liberation Sans', Helvetica, sans-serif; }
/* The focused mark's outline and the rule are drawn over the marks: the pointer goes through them to the mark
   (else crossing a state's outline would hide its own tooltip, and show it again, at every border). */
svg .hl, svg .tc-focus { pointer-events: none; }
.tip b { display: block; margin-bottom: 2px; }
.tip span { display: block; }
.tc-error { border: 1px solid var(--tc-error-border); background: var(--tc-error-surface); color: var(--tc-error-ink);
  padding: 12px 14px; border-radius: 3px; font: 14px/1.45 Arial, 'Liberation Sans', Helvetica, sans-serif; }
.tc-error .nowrap { white-space: nowrap; }
.tc-notice { margin: 0; padding: 2px 12px 8px; color: var(--tc-muted); font: 12px/1.4 Arial, 'Liberation Sans', Helvetica, sans-serif; }
.tc-notice[hidden] { display: none; }
.tc-loading { color: var(--tc-muted); font: 13px Arial, 'Liberation Sans', Helvetica, sans-serif; padding: 8px 0; }
.controls { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; padding: 8px 12px 0;
  font: 13px/1.4 Arial, 'Liberation Sans', Helvetica, sans-serif; color: var(--tc-ink); }
.controls[hidden] { display: none; }
.controls button { font: inherit; color: var(--tc-ink); background: var(--tc-tip-surface); border: 1px solid var(--tc-tip-border);
  border-radius: 3px; padding: 3px 8px; height: 30px; cursor: pointer; }
.controls button[hidden] { display: none; }
.controls button[aria-disabled=true] { opacity: .45; cursor: default; }
.controls input { flex: 1 1 120px; min-width: 100px; accent-color: var(--tc-focus); }
.controls output { min-width: 8em; font-weight: 700; }
.controls :focus-visible { outline: 2px solid var(--tc-focus); outline-offset: 2px; }
.about { font: 13px/1.45 Arial, 'Liberation Sans', Helvetica, sans-serif; color: var(--tc-ink); padding: 0 12px 10px; }
.about button { font: inherit; line-height: 1.45; height: 26.85px; color: var(--tc-link); background: none; border: 0; padding: 4px 0; cursor: pointer; text-decoration: underline; }
.about button::before { content: '▸ '; }
.about button[aria-expanded=true]::before { content: '▾ '; }
.about button:focus-visible { outline: 2px solid var(--tc-focus); outline-offset: 2px; }
.about-text p { margin: 6px 0; max-width: 70ch; }
.sr { position: absolute; top: 0; left: 0; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* Print: a chart is never split across pages and fits on one; focus marks and tooltips are screen-only; the notes
   are open, under their button's words as a heading. */
@media print {
  :host { break-inside: avoid; }
  svg { max-height: 96vh; width: auto; }
  .tip, .tc-focus, .hl { display: none !important; }
  .about-text[hidden] { display: block !important; }
  .controls { display: none !important; }
  .about button { color: inherit; font-weight: bold; text-decoration: none; padding: 0; height: auto; }
  .about button::before { content: none !important; }
  .tc-csv { display: none; }
  .chart:focus-visible { outline: none; }
}
`;

// Height to reserve before the chart exists, so the article does not jump when it appears: the registry's
// table of each chart's height on the newest data per width and language (interpolated between the widths it
// was measured at), corrected for an earlier date's year.
// `variants`: the registry's keys for the element's height-changing options (see variantsOf).
function reserveHeight(chart, width, asOf, lang, variants = []) {
  const kind = CHARTS[(chart ?? '').trim().toLowerCase() || DEFAULT_KIND]; // an empty `chart` is the default
  if (!kind) return 0; // an unknown chart will be a one-line message
  const w = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width || 640));
  const t = kind.heights[lang] ?? kind.heights.en;
  const at = (w - MIN_WIDTH) / META.widths.step;
  const i = Math.min(t.length - 1, Math.floor(at));
  let h = t[i] + (t[Math.min(t.length - 1, i + 1)] - t[i]) * (at - i);
  // An earlier date carries other notes: take its year's correction, interpolated in 1/width.
  const year = Number(/^\s*(\d{4})-/.exec(asOf ?? '')?.[1]);
  // Corrections measured at a few widths, interpolated in 1/width: an earlier date's year, then each variant
  // (full notes, one treaty, a highlight).
  // A date inside a period whose notes differ from its year's end (a range of dates that has closed by December,
  // a treaty not yet in force) takes the period's own correction: the registry's periods are [first, last], and
  // each chart's, per language, [index of the period, correction].
  const day = /^\s*(\d{4}-\d{2}-\d{2})/.exec(asOf ?? '')?.[1];
  const k = day ? (META.periods ?? []).findIndex(([a, b]) => day >= a && day <= b) : -1;
  const period = k < 0 ? null : (kind.periods?.[kind.heights[lang] ? lang : 'en'] ?? []).find((p) => p[0] === k);
  h += across(w, META.deltaWidths, period ? period[1] : (kind.deltas[lang] ?? kind.deltas.en)[year - META.firstYear]);
  for (const [v, weight] of variants) h += weight * across(w, META.variantWidths, kind.variants?.[v]?.[lang] ?? kind.variants?.[v]?.en);
  return Math.round(h);
}

// A correction `d` measured at widths `xs` (ascending), at width `w`: linear in 1/width between two measured
// widths; below the narrowest, text wraps on, so the first segment's line goes on; above the widest, the widest's.
function across(w, xs, d) {
  if (!d) return 0;
  if (w >= xs.at(-1)) return d.at(-1);
  let i = 0;
  while (i < xs.length - 2 && w > xs[i + 1]) i += 1;
  const [x0, x1, y0, y1] = [xs[i], xs[i + 1], d[i], d[i + 1]];
  return y0 + (y1 - y0) * (1 / w - 1 / x0) / (1 / x1 - 1 / x0);
}

// The registry's variants for an element's options that change its height, each with its weight: `notes=full`,
// `treaty=icrmw`, `treaty=palermo`, and for n highlighted states the line through one (`highlight`) and three
// (`highlight3`). Kinds without a variant ignore it.
function variantsOf(el) {
  const v = (name) => (el.getAttribute(name) ?? '').trim().toLowerCase();
  const n = v('highlight').split(/[\s,;]+/).filter(Boolean).length;
  const out = [];
  if (v('notes') === 'full') out.push(['notes=full', 1]);
  if (v('treaty')) out.push([`treaty=${v('treaty')}`, 1]);
  if (n) out.push(['highlight', 1 - (n - 1) / 2], ['highlight3', (n - 1) / 2]);
  return out;
}

// The element's styles go in a constructed style sheet, which a page's Content-Security-Policy does not block
// (an inline <style> needs style-src 'unsafe-inline'); browsers without them get a <style> element.
const SHEETS = typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in Document.prototype;
let elementSheet = null;
function styleRoot(root) {
  if (!SHEETS) return `<style>${CSS}</style>`;
  elementSheet ??= new CSSStyleSheet();
  if (!elementSheet.cssRules.length) elementSheet.replaceSync(CSS);
  root.adoptedStyleSheets = [elementSheet];
  return '';
}

// Charts draw in slices of about SLICE_MS of the main thread — one chart, then more while the slice lasts — each
// slice its own task, so that twenty charts on a page are a few short tasks rather than one long one (or twenty
// tasks, each paying for a layout of the page). A slice is a MessageChannel message: browsers clamp nested timers
// to 4 ms, not messages.
const SLICE_MS = 10;
const queue = [];
let draining = false;
const slices = new MessageChannel();
slices.port1.onmessage = drain;
function drain() {
  const start = performance.now();
  for (let el = queue.shift(); el; el = queue.shift()) {
    el._queued = false;
    el._render();
    if (performance.now() - start > SLICE_MS) break;
  }
  if (queue.length) slices.port2.postMessage(0);
  else draining = false;
}
function enqueue(el) {
  queue.push(el);
  if (!draining) {
    draining = true;
    // After the next frame, so that a burst of changes draws once — or after a short timer where no frame comes:
    // a browser gives a cross-origin iframe out of view no frames, and its page must still draw to know its height.
    let started = false;
    const go = () => { if (!started) { started = true; slices.port2.postMessage(0); } };
    requestAnimationFrame(go);
    setTimeout(go, 100);
  }
}
// Charts within about a screen of the viewport (in any scroll container) draw; the others wait until they come
// near. Printing draws them all.
// (The figure inside the shadow root is observed: it has a box whatever the host's display, even `contents`.)
const nearby = new IntersectionObserver((entries) => {
  for (const e of entries) {
    const el = e.target.getRootNode().host;
    el._near = e.isIntersecting;
    if (e.isIntersecting && el._dirty) el._schedule();
  }
}, { rootMargin: '100% 0px' });
// Printing draws every chart at once, far from view or not: on the print dialog's beforeprint, and when print media
// applies without one (a browser's print emulation, tools that save a page as PDF or an image of it).
let printing = false;
const toPrint = () => {
  printing = true;
  for (const el of document.querySelectorAll('*')) if (el instanceof TreatyChart && el._dirty) el._render();
};
addEventListener('beforeprint', toPrint);
addEventListener('afterprint', () => { printing = false; });
matchMedia('print').addEventListener('change', (e) => { if (e.matches) toPrint(); else printing = false; });

const SVG_NS = 'http://www.w3.org/2000/svg';
// Height of the "About this data" row in CSS px: its button's line (13 px × 1.45), 8 px of padding and 10 below.
const ABOUT_ROW = 37;
// Height of the time controls' row: 30 px buttons and 8 px above; narrower than CONTROLS_ONE_LINE px the slider
// and its date wrap onto a second line (measured: below 400 px in English, 420 in French, 440 in Spanish).
const CONTROLS_ROW = 38;
const CONTROLS_ROW_WRAPPED = 62;
const CONTROLS_ONE_LINE = 440;
// One date a step when the slider plays: 36 years in about 15 s, slow enough to read the counts as they change.
const PLAY_STEP_MS = 400;
const INTERACTIVE = ['tabindex', 'role', 'aria-roledescription', 'aria-label'];

let trustedTypesChecked = null;
function trustedTypesBlock() {
  if (trustedTypesChecked !== null) return trustedTypesChecked;
  try {
    document.createElement('template').innerHTML = '<b></b>';
    trustedTypesChecked = false;
  } catch (e) {
    trustedTypesChecked = true;
    console.error(`<treaty-chart>: this page enforces Trusted Types (require-trusted-types-for 'script'), which the charts do not support; they show their fallback content. Embed them with an iframe instead. (${e.message})`);
  }
  return trustedTypesChecked;
}

class TreatyChart extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    // A page that enforces Trusted Types (require-trusted-types-for 'script') refuses HTML strings, and the chart
    // is drawn from one: its readers get the element's own content, and the console one line saying why.
    if (trustedTypesBlock()) {
      this._blocked = true;
      root.append(document.createElement('slot'));
      return;
    }
    root.innerHTML = `${styleRoot(root)}<figure data-theme="auto"><div class="controls" role="group" hidden>` +
      '<button type="button" class="back"></button><button type="button" class="play"></button>' +
      '<button type="button" class="forward"></button><input type="range" min="0" step="1"><output></output></div>' +
      '<div class="chart" part="chart"><div class="tc-loading"></div></div>' +
      '<p class="tc-notice" role="note" hidden></p><div class="about" hidden><button type="button" aria-expanded="false"></button><div class="about-text" hidden></div></div>' +
      `<div class="tip" hidden></div><div class="sr" aria-live="polite"></div><div class="sr table"></div></figure>`;
    this._root = root;
    this._svgSheet = SHEETS ? new CSSStyleSheet() : null;
    if (this._svgSheet) root.adoptedStyleSheets = [elementSheet, this._svgSheet];
    root.querySelector('.tc-loading').textContent = TEXT.loading;
    this._about = root.querySelector('.about');
    this._aboutButton = this._about.querySelector('button');
    this._aboutText = this._about.querySelector('.about-text');
    this._aboutButton.addEventListener('click', () => {
      const open = this._aboutButton.getAttribute('aria-expanded') !== 'true';
      this._aboutButton.setAttribute('aria-expanded', String(open));
      this._aboutText.hidden = !open;
    });
    this._figure = root.querySelector('figure');
    this._notice = root.querySelector('.tc-notice');
    this._controls = root.querySelector('.controls');
    this._slider = this._controls.querySelector('input');
    this._sliderOut = this._controls.querySelector('output');
    this._playButton = this._controls.querySelector('.play');
    this._slider.addEventListener('input', () => this._slide(Number(this._slider.value)));
    this._controls.querySelector('.back').addEventListener('click', () => this._slide(Number(this._slider.value) - 1));
    this._controls.querySelector('.forward').addEventListener('click', () => this._slide(Number(this._slider.value) + 1));
    this._playButton.addEventListener('click', () => this._play());
    // Esc stops the time slider playing, wherever focus is in its row.
    this._controls.addEventListener('keydown', (e) => { if (e.key === 'Escape' && this._playing) this._play(); });
    this._chart = root.querySelector('.chart');
    this._tip = root.querySelector('.tip');
    this._live = root.querySelector('.sr');
    this._table = root.querySelector('.sr.table');
    this._hits = [];
    this._index = -1;
    this._queued = false;
    this._dirty = true;
    this._near = false;
    this._drawn = null; // options + width of the last drawing
    this._rect = null; // the drawing's bounding rectangle, cached between resizes and scrolls
    // The figure, a block inside the shadow root, is measured and watched: it has the width the chart can take
    // whatever the page's CSS makes of the host (inline, contents, …).
    // The figure's width as the observer reports it after each layout: a drawing reads it from here, not from the
    // page (a read there forces a layout of the whole page, once per chart of a page of many).
    this._resize = new ResizeObserver((entries) => {
      this._width = Math.floor(entries[entries.length - 1].contentRect.width);
      this._rect = null;
      this._schedule();
    });
    // (A chart whose module could not be fetched tries again when its options change, not on every resize.)
    this._attrs = new MutationObserver(() => { if (this._loadFailed) this._load(); else this._schedule(); });
    this._onScroll = () => {
      this._rect = null;
      if (this._touchShown) {
        this._touchShown = false;
        this._hide();
      }
    };
    // Mouse and pen: the tooltip follows the pointer. Touch: a tap shows it; a swipe (which scrolls the page)
    // does not, and a scroll hides it.
    this._chart.addEventListener('pointermove', (e) => { if (e.pointerType !== 'touch') this._point(e); });
    this._chart.addEventListener('pointerdown', (e) => {
      if (e.pointerType === 'touch') this._touch = { x: e.clientX, y: e.clientY };
      else this._point(e);
    });
    this._chart.addEventListener('pointerup', (e) => {
      const t = this._touch;
      this._touch = null;
      if (e.pointerType === 'touch' && t && Math.hypot(e.clientX - t.x, e.clientY - t.y) < 10) {
        this._point(e);
        this._touchShown = true;
      }
    });
    this._chart.addEventListener('pointercancel', () => { this._touch = null; this._hide(); });
    this._chart.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') this._hide(); });
    this._chart.addEventListener('keydown', (e) => this._key(e));
    // Focus from the keyboard shows the first mark (or the last one shown); focus from a click or tap does not —
    // the pointer shows what it is on, and a tap on the notes must not open a tooltip over them.
    this._chart.addEventListener('focus', () => {
      if (this._walk?.length && keyboardFocus(this._chart)) this._show(this._index < 0 ? this._defaultIndex() : this._index, true);
    });
    this._chart.addEventListener('blur', () => this._hide());
  }

  connectedCallback() {
    if (this._blocked) return;
    this._syncTheme();
    this._notes = new Map();
    this._lang = this._language();
    if (!this._mod) {
      this._chart.querySelector('.tc-loading')?.replaceChildren(textFor(this._lang).loading);
      // A fixed width draws at that width and is scaled down (never up) to fit the container.
      const available = this._contentWidth() || this.parentElement?.clientWidth || 640;
      const fixed = wholePx(this.getAttribute('width'));
      const drawn = fixed >= MIN_WIDTH && fixed <= MAX_WIDTH ? fixed : available;
      // With short notes, the "About this data" row (HTML, not scaled) comes under the drawing.
      const about = ((this.getAttribute('notes') ?? '').trim().toLowerCase() === 'full' ? 0 : ABOUT_ROW) +
        (!isOn(this, 'controls') ? 0 : available < CONTROLS_ONE_LINE ? CONTROLS_ROW_WRAPPED : CONTROLS_ROW);
      this._reserved = Math.round(reserveHeight(this.getAttribute('chart'), drawn, this.getAttribute('as-of'), this._lang, variantsOf(this)) * Math.min(1, available / drawn) + about);
      this._figure.style.setProperty('--tc-reserve', `${this._reserved}px`);
    }
    this._resize.observe(this._figure);
    nearby.observe(this._figure);
    // Every attribute, not only the options: a misspelt one added later must show its error too.
    this._attrs.observe(this, { attributes: true });
    connected.add(this);
    watchLanguages();
    addEventListener('scroll', this._onScroll, { capture: true, passive: true });
    this._load();
  }

  // The module of the chart's kind, in its language (a later change of kind loads that kind's module when drawing).
  _load() {
    this._loadFailed = false;
    this._fatalShown = false; // a new attempt (another chart kind asked for) reports its own failure
    loadModule(kindOf(this.getAttribute('chart'))).then((m) => loadLocale(m, this._language()))
      .then((m) => {
        this._mod ??= m;
        // A map far below the fold fetches its outlines now, so that printing (which cannot wait) draws it too;
        // a failure is reported when the map draws.
        if (CHARTS[m.kind]?.world) loadWorld(m).catch(() => {});
        this._dirty = true;
        this._schedule();
      }, (err) => { this._loadFailed = true; this._fatal(err); });
  }

  disconnectedCallback() {
    if (this._blocked) return;
    connected.delete(this);
    this._resize.disconnect();
    this._width = undefined;
    nearby.unobserve(this._figure);
    this._attrs.disconnect();
    removeEventListener('scroll', this._onScroll, { capture: true });
  }

  // The loader's own text (loading, errors, fallback) follows the chart's theme before the chart exists.
  _syncTheme() {
    const t = (this.getAttribute('theme') ?? '').trim().toLowerCase();
    this._figure.dataset.theme = t === 'light' || t === 'dark' ? t : 'auto';
  }

  // How console lines name this element: its id, else its chart attribute (`<treaty-chart id="a">`).
  _describe() {
    const attr = this.id ? ['id', this.id] : this.hasAttribute('chart') ? ['chart', this.getAttribute('chart')] : null;
    const value = attr && (attr[1].length > 40 ? `${attr[1].slice(0, 40)}…` : attr[1]);
    return `<${this.localName}${attr ? ` ${attr[0]}="${value}"` : ''}>`;
  }

  // The module could not be fetched or compiled (missing file, offline, a Content-Security-Policy without
  // 'wasm-unsafe-eval'). Readers get a plain sentence and the element's own fallback content; the technical
  // reason goes to the console once for each reason, not once per chart.
  _fatal(err, what = failed(err)) {
    const reason = String(err && err.message ? err.message : err);
    // Shown already (a second attempt at the same file failed too): one box, one error event, until a drawing.
    if (this._fatalShown) return;
    this._fatalShown = true;
    if (!fatalLogged.has(reason)) {
      fatalLogged.add(reason);
      // A policy that refuses WebAssembly: say which source expression lets it run.
      const csp = /unsafe-eval|Content Security Policy/i.test(reason)
        ? "; the page's Content-Security-Policy refuses WebAssembly: add 'wasm-unsafe-eval' to its script-src" : '';
      console.error(`<treaty-chart>: ${what}: ${reason}${csp}`);
    }
    this._noControls();
    const box = document.createElement('div');
    box.className = 'tc-error';
    box.setAttribute('role', 'alert');
    box.textContent = textFor(this._lang ?? 'en').loadFailed;
    box.lang = META?.messages[this._lang] ? this._lang : 'en'; // the language it is in (textFor's fallback)
    const fallback = document.createElement('div');
    fallback.className = 'fallback';
    fallback.append(document.createElement('slot'));
    this._chart.replaceChildren(box, fallback);
    this._unreserve();
    this.dispatchEvent(new CustomEvent('treaty-chart-error', { detail: { error: box.textContent }, bubbles: true, composed: true }));
  }

  // The chart's language: the `lang` of the element or of its closest ancestor that has one, if the charts speak
  // it (by its primary subtag: fr-CA is French); else English, with one warning per language.
  _language() {
    const tag = (this.closest('[lang]')?.getAttribute('lang') ?? '').trim();
    if (!tag) return 'en';
    const lang = primary(tag);
    if (LOCALES.includes(lang)) return lang;
    const shown = tag.length > 40 ? `${tag.slice(0, 40)}…` : tag;
    notice(this, 'noticeLang', { tag: shown, list: LOCALES.join(', ') }, `lang:${lang}`, `lang="${shown}" is not a language the charts are written in (${LOCALES.join(', ')}); using English.`);
    return 'en';
  }

  // The width the chart can take (0 when hidden): the figure's, a block inside the shadow root.
  // The figure's content width in CSS px: the observer's last report, or (before its first) the page's layout.
  _contentWidth() {
    return this._width ?? Math.floor(this._figure.clientWidth);
  }

  // The notices this drawing's input gave (see notice), under the chart; none, none shown.
  _showNotes() {
    const text = [...(this._notes?.values() ?? [])].join(' ');
    if (text === this._notice.textContent) return;
    this._notice.textContent = text;
    this._notice.hidden = !text;
  }

  _unreserve() {
    this._figure.style.removeProperty('--tc-reserve');
  }

  // Renders soon (once, however many changes came in): nothing until the module is ready, and — unless `eager`
  // or printing — nothing while the chart is more than about a screen away from view. Charts draw in short
  // slices (see `queue`), so that a page of many charts never blocks for long.
  _schedule() {
    if (this._blocked) return;
    if (this._queued || !this._mod) return;
    // (A chart drawn once redraws wherever it is: left at its old width, it would change height when the reader
    // scrolls to it.)
    if (!this._near && !this._force && !this._res && !isOn(this, 'eager') && !printing) {
      this._dirty = true;
      // Far from view: not drawn yet, but a wrong option is reported at once (checking costs next to nothing).
      const given = this._options();
      if (this._mod.api.checkOptions(Object.entries(given).flat()) === undefined) return;
    }
    this._queued = true;
    this._dirty = false;
    enqueue(this);
  }

  // The chart's options: its attributes, less HTML's own and the ones CMSs add (warned about once), with the
  // language resolved from the page; `width="100%"` or `auto` means the container's width.
  _options() {
    const o = {};
    const ignored = [];
    for (const { name, value } of this.attributes) {
      if (GLOBAL.test(name) || OWN.has(name)) continue;
      if (HARMLESS.test(name)) {
        ignored.push(name);
        continue;
      }
      o[name] = value;
    }
    // One line for all of them: "the height and align attributes are ignored".
    if (ignored.length) {
      const list = ignored.length === 1 ? `the ${ignored[0]} attribute is` : `the ${ignored.slice(0, -1).join(', ')} and ${ignored.at(-1)} attributes are`;
      warnOnce(`attr:${ignored.join(',')}`, `${list} ignored (a chart takes its container's width and its own height).`, this);
    }
    if ('width' in o && /^\s*(100%|auto)\s*$/i.test(o.width)) delete o.width;
    // The time slider's date, once the reader has moved it, stands for the attribute's.
    if (this._slideTo) o['as-of'] = this._slideTo;
    o.lang = this._lang;
    return o;
  }

  // Draws when the options or the width they resolve to have changed since the last drawing (so a resize, a
  // height change or a re-insertion does not redraw, and a rejected option is reported once, not per resize).
  _render() {
    if (this._blocked) return;
    this._force = false;
    if (!this.isConnected) return;
    this._syncTheme();
    this._notes = new Map(); // this drawing's notices (see notice), shown by _showNotes
    this._lang = this._language();
    isOn(this, 'eager'); // read, so that a value it cannot mean is said at once (see isOn)
    const opts = this._options();
    const given = JSON.stringify(opts);
    if ('width' in opts) {
      // A fixed width much wider than the column is scaled down, and its text with it: say so, once a page (a width
      // out of range is refused by the chart itself, with its own message).
      const available = this._contentWidth();
      const w = wholePx(opts.width);
      if (available > 0 && Number.isInteger(w) && w >= MIN_WIDTH && w <= MAX_WIDTH && w > available * 1.25) {
        notice(this, 'noticeScaled', { width: w, available: Math.round(available) }, 'width:scaled', `width="${opts.width}" is wider than its column (${Math.round(available)} px), so the chart is scaled down and its ` +
          'text is smaller than the chart intends; leave width out to draw at the column\'s width.');
      }
    } else {
      const available = this._contentWidth();
      if (available > 0) {
        opts.width = String(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, available)));
        if (available < MIN_WIDTH) {
          notice(this, 'noticeNarrow', { available: Math.round(available), min: MIN_WIDTH }, 'width:narrow', `a chart's column is ${Math.round(available)} px wide, but a chart is never drawn narrower than ${MIN_WIDTH} px, ` +
            `so it is scaled down and its text is smaller than the chart intends; give it a column at least ${MIN_WIDTH} px wide.`);
        }
      } else {
        // Hidden (display:none, a closed tab): no width to draw at yet; wait, but report a wrong option now.
        if (this._mod.api.checkOptions(Object.entries(opts).flat()) === undefined) return;
        opts.width = String(MIN_WIDTH);
      }
    }
    // Switching the slider on or off redraws too (its row changes the layout and the controls need the steps).
    const key = JSON.stringify(opts) + (isOn(this, 'controls') ? ' controls' : '');
    this._showNotes();
    if (key === this._drawn || (this._failed && given === this._given)) return;
    // A chart waits for its kind's module and its language (each fetched once for the page); one that draws the
    // map's outlines waits for them too, unless an option is wrong, which is reported at once.
    const kind = kindOf(opts.chart);
    const m = modules.get(kind);
    if (!m?.memory || !langReady(m, opts.lang)) {
      loadModule(kind).then((mod) => loadLocale(mod, opts.lang)).then(() => this._schedule(), (err) => this._fatal(err));
      return;
    }
    this._mod = m;
    if (CHARTS[kind]?.world && !m.worldReady && m.api.checkOptions(Object.entries(opts).flat()) === undefined) {
      loadWorld(m).then(() => this._schedule(), (err) => this._fatal(err));
      return;
    }
    this._drawn = key;
    this._given = given;
    // Tooltip lines come apart from the drawing (see _linesOf): the same options at another width keep them.
    const content = JSON.stringify({ ...opts, width: null });
    if (content !== this._linesFor) this._lineMap = null;
    this._linesFor = content;
    this._drawnFlat = Object.entries(opts).flat();
    const previous = this._hits[this._index]?.key;
    // Rust's console line about a wrong option names the element it is about (see fail_in in src/web.rs).
    this._chart.dataset.element = this._describe();
    const res = JSON.parse(this._mod.api.renderInto(this._chart, this._drawnFlat)); // one string, see EmbedResult::to_json
    this._failed = !res.ok;
    this._unreserve();
    this._hide();
    this._index = -1;
    this._rect = null;
    if (!res.ok) {
      this._hits = [];
      this._table.textContent = this._tableHtml = '';
      this._about.hidden = true;
      this._noControls();
      for (const a of INTERACTIVE) this._chart.removeAttribute(a);
      this.dispatchEvent(new CustomEvent('treaty-chart-error', { detail: { error: res.error }, bubbles: true, composed: true }));
      return;
    }
    this._res = res;
    this._fatalShown = false;
    this._hits = res.hits;
    // Moved by the time slider: screen readers hear the new numbers, not only the new date.
    if (this._announce) {
      this._announce = false;
      this._live.textContent = res.summary;
    }
    // The drawing's own style sheet comes apart from it (the SVG has no <style> or style attribute, which a
    // Content-Security-Policy without 'unsafe-inline' blocks) and is adopted; old browsers get a <style>.
    // (Replaced only when it changed — a new sheet restyles the whole shadow tree; its rules are scoped to the
    // drawing's id, which in a shadow root leaves out the width, so a width change keeps it.)
    if (res.css !== this._css) {
      this._css = res.css;
      if (this._svgSheet) this._svgSheet.replaceSync(res.css);
      else (this._svgStyle ??= this._root.appendChild(document.createElement('style'))).textContent = res.css;
    }
    this._showAbout(res);
    this._showControls(res);
    this._walk = res.hits.map((h, i) => (h.walk ? i : -1)).filter((i) => i >= 0);
    // The data table and the notes do not change with the width: a resize leaves them as they are.
    if (res.table !== this._tableHtml) this._table.innerHTML = this._tableHtml = res.table; // escaped by Rust
    this._bands = res.hits.length > 0 && res.hits.every((h) => h.band);
    this._svg = this._chart.querySelector('svg');
    this._figure.lang = res.lang;
    // After a redraw (a resize, a new date) keep the reader on the same date or state where it still exists.
    if (previous !== undefined) this._index = res.hits.findIndex((h) => h.key === previous);
    this._focusMarks();
    if (this._hits.length) {
      // A named, focusable group: screen readers announce the name and how the keys work.
      this._chart.tabIndex = 0;
      this._chart.setAttribute('role', 'group');
      this._chart.setAttribute('aria-roledescription', res.roledescription);
      this._chart.setAttribute('aria-label', res.keys);
    } else {
      for (const a of INTERACTIVE) this._chart.removeAttribute(a);
    }
    // Playing, a step taller than the estimate (see _play) raises the floor: the page below moves once, not back
    // and forth at every step.
    if (this._playing) this._figure.style.minHeight = `${Math.ceil(this._figure.getBoundingClientRect().height)}px`;
    this.dispatchEvent(new CustomEvent('treaty-chart-rendered', {
      detail: { chart: res.chart, asOf: res.as_of, width: res.width, height: res.height, title: res.title, label: res.label }, bubbles: true, composed: true,
    }));
  }

  // The time controls (`controls`): a slider over the chart's dates (each year's end, the newest, the chart's own),
  // buttons for one date back and forward (marked unavailable at either end, but kept focusable), and play — which
  // steps every PLAY_STEP_MS, and is not offered to readers who ask for reduced motion.
  _showControls(res) {
    const on = isOn(this, 'controls');
    this._controls.hidden = !on;
    if (!on) return;
    // The page's own date stays a stop after the reader moves away from it (each drawing's steps hold only the date
    // it was drawn for, besides the year ends and the newest).
    if (!this._slideTo) this._ownStep = res.steps.find((s) => s[0] === res.as_of);
    const own = this._ownStep;
    this._steps = own && !res.steps.some((s) => s[0] === own[0]) ? [...res.steps, own].sort((a, b) => (a[0] < b[0] ? -1 : 1)) : res.steps;
    const [group, label, play, pause, back, forward] = res.controls;
    this._words = { play, pause };
    this._controls.setAttribute('aria-label', group);
    this._slider.setAttribute('aria-label', label);
    this._slider.max = String(this._steps.length - 1);
    const i = Math.max(0, this._steps.findIndex((s) => s[0] === res.as_of));
    this._slider.value = String(i);
    this._slider.setAttribute('aria-valuetext', this._steps[i][1]);
    this._sliderOut.textContent = this._steps[i][1];
    const [b, f] = this._controls.querySelectorAll('.back, .forward');
    // Chevrons for one date back and forward, so that neither looks like the play button's triangle beside them.
    b.textContent = '‹';
    b.setAttribute('aria-label', back);
    f.textContent = '›';
    f.setAttribute('aria-label', forward);
    this._playButton.hidden = reducedMotion.matches;
    this._playButton.textContent = this._playing ? `❚❚ ${pause}` : `▶ ${play}`;
    this._ends(i);
  }

  // Back and forward say when there is no date before or after (aria-disabled, so that focus stays on them).
  _ends(k) {
    const [b, f] = this._controls.querySelectorAll('.back, .forward');
    b.setAttribute('aria-disabled', String(k <= 0));
    f.setAttribute('aria-disabled', String(k >= this._steps.length - 1));
  }

  _slide(i) {
    if (!this._steps) return;
    const k = Math.max(0, Math.min(this._steps.length - 1, i));
    this._slideTo = this._steps[k][0];
    this._announce = true;
    this._slider.value = String(k);
    this._slider.setAttribute('aria-valuetext', this._steps[k][1]);
    this._sliderOut.textContent = this._steps[k][1];
    this._ends(k);
    this._schedule();
    return k;
  }

  // No slider over an error box: a date the reader can no longer see must not keep changing.
  _noControls() {
    if (this._playing) this._play();
    this._controls.hidden = true;
  }

  _play() {
    if (this._playing) {
      clearInterval(this._playing);
      this._playing = null;
      this._figure.style.minHeight = '';
    } else {
      // The page below must not jump at every step: hold the tallest height any step will need (the registry's
      // estimate for each date, at this width) for as long as it plays.
      const svg = this._svg?.getBoundingClientRect();
      const figure = this._figure.getBoundingClientRect();
      if (svg && this._res) {
        const scale = svg.width / this._res.width;
        const variants = variantsOf(this);
        const tallest = Math.max(...this._steps.map(([d]) => reserveHeight(this._res.chart, this._res.width, d, this._lang, variants)));
        this._figure.style.minHeight = `${Math.ceil(Math.max(figure.height, tallest * scale + figure.height - svg.height))}px`;
      }
      if (Number(this._slider.value) >= this._steps.length - 1) this._slide(0);
      this._playing = setInterval(() => {
        const k = this._slide(Number(this._slider.value) + 1);
        if (k >= this._steps.length - 1) this._play();
      }, PLAY_STEP_MS);
    }
    this._playButton.textContent = this._playing ? `❚❚ ${this._words.pause}` : `▶ ${this._words.play}`;
  }

  // "About this data": the notes the short blocks leave out, behind a button (open in print).
  _showAbout(res) {
    const paragraphs = res.about ?? [];
    const key = JSON.stringify([res.about_label, paragraphs]);
    if (key === this._aboutKey && (!this._about.hidden) === (paragraphs.length > 0)) return;
    this._aboutKey = key;
    this._about.hidden = paragraphs.length === 0;
    this._aboutButton.textContent = res.about_label;
    this._aboutText.replaceChildren(...paragraphs.map((t) => { const p = document.createElement('p'); p.textContent = t; return p; }));
  }

  // The focus rule and its dots, created once per render and moved on hover; outlines of marks are cloned.
  _focusMarks() {
    this._focus = null;
    this._dots = [];
    this._outline = [];
    if (!this._hits.length || !this._svg) return;
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', 'tc-focus');
    g.setAttribute('aria-hidden', 'true');
    g.setAttribute('visibility', 'hidden');
    if (this._hits.some((h) => h.rule !== null)) {
      const rule = document.createElementNS(SVG_NS, 'line');
      rule.setAttribute('class', this._res.rule_class);
      rule.setAttribute('stroke-width', '1');
      rule.setAttribute('stroke-dasharray', '2 2');
      rule.setAttribute('y1', this._res.plot.y);
      rule.setAttribute('y2', this._res.plot.y + this._res.plot.h);
      g.append(rule);
      this._rule = rule;
    }
    this._svg.append(g);
    this._focus = g;
  }

  _defaultIndex() {
    // The timeline starts at its newest date; charts of marks at their first.
    return this._bands ? this._walk[this._walk.length - 1] : this._walk[0];
  }

  // Band targets (the timeline's dates): binary search on x.
  _band(x) {
    const h = this._hits;
    let lo = 0;
    let hi = h.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (h[mid].band[1] <= x) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // The mark target nearest to (x, y) within `max` SVG px (only small ones if `small`), or -1.
  _nearest(x, y, max, small = false) {
    let best = -1;
    let bestD = max * max;
    for (let i = 0; i < this._hits.length; i++) {
      const at = this._hits[i].at;
      if (!at || (small && !this._hits[i].small)) continue;
      const d = (at[0] - x) ** 2 + (at[1] - y) ** 2;
      if (d < bestD) { bestD = d; best = i; }
    }
    return best;
  }

  _point(e) {
    if (!this._hits.length || !this._svg) return;
    const r = this._rect ??= this._svg.getBoundingClientRect();
    const scale = this._res.width / r.width;
    const x = (e.clientX - r.left) * scale;
    const y = (e.clientY - r.top) * scale;
    let i = -1;
    if (this._bands) {
      const p = this._res.plot;
      if (x >= p.x - 8 && x <= p.x + p.w + 8 && y >= p.y - 8 && y <= p.y + p.h + 24) i = this._band(x);
    } else {
      // The browser's own hit test finds the mark under the pointer. A touch on or beside small targets (dots
      // that may touch each other) takes the nearest small one; a touch on open ground, the nearest target.
      const target = e.target.closest ? e.target.closest('[data-hit]') : null;
      const under = target ? Number(target.getAttribute('data-hit')) : -1;
      if (e.pointerType === 'mouse') {
        i = under;
      } else {
        const small = under < 0 || this._hits[under]?.small ? this._nearest(x, y, TOUCH_SLOP * scale, true) : -1;
        i = small >= 0 ? small : under >= 0 ? under : this._nearest(x, y, TOUCH_SLOP * scale);
      }
    }
    if (i < 0) {
      this._hide(); // a tap outside the targets dismisses the tooltip, as moving the mouse out does
      return;
    }
    // Screen readers hear taps; mouse moves would flood the live region.
    this._show(i, e.pointerType !== 'mouse');
  }

  // The arrow keys walk the targets in the chart's order (the timeline's dates; the map's states region by
  // region, west to east), skipping those that are for the pointer only.
  _key(e) {
    const walk = this._walk;
    // The keys belong to the chart's group itself, not to a link inside it (the CSV download), whose own keys and
    // focus ring stay as they are.
    if (!walk || !walk.length || e.target !== this._chart) return;
    const last = walk.length - 1;
    const here = walk.indexOf(this._index < 0 ? this._defaultIndex() : this._index);
    const i = here < 0 ? 0 : here;
    const next = { ArrowLeft: i - 1, ArrowUp: i - 1, ArrowRight: i + 1, ArrowDown: i + 1, Home: 0, End: last, PageUp: i - 10, PageDown: i + 10 }[e.key];
    if (next === undefined) {
      if (e.key === 'Escape') this._hide();
      return;
    }
    e.preventDefault();
    this._show(walk[Math.max(0, Math.min(last, next))], true);
  }

  // A hit's tooltip lines. A drawing carries none (a redraw for a new width would send them all again); the first
  // hover or focus asks the module for every hit's lines at once, kept by hit key until the options change (or a
  // redraw at another width has a hit the lines were not asked for).
  _linesOf(hit) {
    if (!this._lineMap?.has(hit.key)) {
      let all = [];
      try {
        all = this._mod.api.hitLines(this._drawnFlat);
      } catch (e) {
        // Options that drew cannot be refused here; were they, the tooltip is empty and the console says why.
        warnOnce(`lines:${e}`, `the tooltips could not be written: ${e?.message ?? e}`, this);
      }
      this._lineMap = new Map(this._hits.map((h, k) => [h.key, all[k] ?? []]));
    }
    return this._lineMap.get(hit.key) ?? [];
  }

  _show(i, announce = false) {
    if (i === this._index && !this._tip.hidden) return;
    this._index = i;
    const hit = this._hits[i];
    const tip = this._tip;
    const lines = this._linesOf(hit);
    const [head, ...rest] = lines;
    const b = document.createElement('b');
    b.textContent = head;
    const spans = rest.map((line) => { const s = document.createElement('span'); s.textContent = line; return s; });
    tip.replaceChildren(b, ...spans);
    tip.hidden = false;
    if (announce) this._live.textContent = lines.join('. ');
    const rect = this._rect ??= this._svg.getBoundingClientRect();
    const scale = rect.width / this._res.width;
    this._place(hit, scale, rect.width);
    this._highlight(hit, i);
  }

  // Position (SVG px → CSS px). A date: beside its rule if there is room, else over it; at the top of the plot,
  // its bottom, or below the axis — the first place that leaves the highlighted points visible. A mark: beside
  // its centre (right, else left), else below or above it, inside the drawing.
  _place(hit, scale, width) {
    const tip = this._tip;
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    const p = this._res.plot;
    const height = this._res.height * scale;
    const [ax, ay] = hit.at ?? [hit.rule, p.y];
    const x = ax * scale;
    const y = ay * scale;
    const lefts = [x + 12, x - 12 - tw].filter((l) => l >= 0 && l + tw <= width);
    if (!lefts.length) lefts.push(Math.max(0, Math.min(width - tw, x + 12)));
    let place = null;
    if (hit.rule !== null) {
      const dots = hit.dots.map((d) => d[0] * scale);
      const tops = [p.y * scale, Math.max(p.y * scale, (p.y + p.h) * scale - th)];
      const clear = (l, t) => l >= x + 6 || l + tw <= x - 6 || dots.every((dy) => dy < t - 6 || dy > t + th + 6);
      for (const l of lefts) {
        for (const t of tops) if (!place && clear(l, t)) place = [l, t];
      }
      place ??= [lefts[0], (p.y + p.h) * scale + 30];
    } else {
      // Beside the mark (right, else left), level with it; where neither fits, below or above it.
      const top = Math.max(0, Math.min(height - th, y - th / 2));
      const beside = [x + 16, x - 16 - tw].find((l) => l >= 0 && l + tw <= width);
      if (beside !== undefined) {
        place = [beside, top];
      } else {
        const below = y + 16;
        const above = y - 16 - th;
        // A tip taller than 40% of the plot (a map on a phone) goes under the plot, which then stays in view.
        const under = (p.y + p.h) * scale + 8;
        const t = th > p.h * scale * 0.4 && under + th <= height ? under : below + th <= height ? below : above >= 0 ? above : top;
        place = [Math.max(0, Math.min(width - tw, x - tw / 2)), t];
      }
    }
    tip.style.transform = `translate(${Math.round(place[0])}px, ${Math.round(place[1])}px)`;
  }

  _highlight(hit, i) {
    for (const o of this._outline) o.remove();
    this._outline = [];
    if (!this._focus) return;
    if (hit.rule !== null && this._rule) {
      this._focus.setAttribute('visibility', 'visible');
      this._rule.setAttribute('x1', hit.rule);
      this._rule.setAttribute('x2', hit.rule);
      while (this._dots.length < hit.dots.length) {
        const c = document.createElementNS(SVG_NS, 'circle');
        c.setAttribute('r', '4.5');
        c.setAttribute('stroke-width', '1.5');
        this._focus.append(c);
        this._dots.push(c);
      }
      this._dots.forEach((c, k) => {
        const d = hit.dots[k];
        c.setAttribute('visibility', d ? 'visible' : 'hidden');
        if (d) {
          c.setAttribute('cx', hit.rule);
          c.setAttribute('cy', d[0]);
          c.setAttribute('class', `${d[1]} ${this._res.dot_class}`);
        }
      });
      return;
    }
    this._focus.setAttribute('visibility', 'hidden');
    // A mark: an outline drawn over it (a copy of its shape, in the same group so that it shares its scale).
    const shape = this._svg.querySelector(`[data-hit="${i}"]:not(text)`);
    if (shape) {
      const o = shape.cloneNode(false);
      o.removeAttribute('data-hit');
      o.setAttribute('class', 'hl');
      o.setAttribute('aria-hidden', 'true');
      shape.parentNode.append(o);
      this._outline.push(o);
    }
  }

  _hide() {
    this._tip.hidden = true;
    if (this._focus) this._focus.setAttribute('visibility', 'hidden');
    for (const o of this._outline ?? []) o.remove();
    this._outline = [];
  }
}

// Properties mirror attributes: `el.asOf = '2015-01-01'` sets as-of and redraws; `el.controls = true` adds the slider.
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
for (const name of [...(META?.options ?? []), 'lang']) {
  Object.defineProperty(TreatyChart.prototype, camel(name), {
    get() { return this.getAttribute(name); },
    set(v) { if (v === null || v === undefined) this.removeAttribute(name); else this.setAttribute(name, String(v)); },
    configurable: true,
  });
}
for (const name of ['controls', 'eager']) {
  Object.defineProperty(TreatyChart.prototype, name, {
    get() { return isOn(this, name); },
    set(v) { if (v) this.setAttribute(name, ''); else this.removeAttribute(name); },
    configurable: true,
  });
}

/** This copy's version (the crate's). */
export const version = META?.version ?? '0';

/**
 * Defines the element under `name` (default `treaty-chart`) if that name is free. Returns the class that holds the
 * name. A second copy of the loader (another version, or the same loaded twice) finds the name taken, keeps the
 * first one's element, and says so once in the console; its own element can take another name with define().
 */
export function define(name = 'treaty-chart') {
  const taken = customElements.get(name);
  if (taken) {
    if (taken !== TreatyChart && !(taken.prototype instanceof TreatyChart)) {
      const other = globalThis.__treatyCharts?.[name];
      warnOnce(`define:${name}`, `the element name ${name} is already taken${other ? ` by treaty-charts ${other.version} (${other.url})` : ''}; ` +
        `this copy (${version}, ${import.meta.url}) keeps the first one. Call define('another-name') to use this copy's element.`);
    }
    return taken;
  }
  const cls = name === 'treaty-chart' ? TreatyChart : class extends TreatyChart {};
  customElements.define(name, cls);
  (globalThis.__treatyCharts ??= {})[name] = { version, url: import.meta.url };
  return cls;
}

/**
 * Sets a chart's options and resolves with its next drawing's detail (`{chart, asOf, width, height}`), or rejects
 * with the reason it could not be drawn. `options` take attribute names or property names (`as-of` or `asOf`);
 * `null` removes one.
 */
export function render(element, options = {}) {
  if (!(element instanceof TreatyChart)) {
    const what = element instanceof Element ? `a <${element.localName}> element` : String(element);
    return Promise.reject(new TypeError(`render() takes a <treaty-chart> element (or one define() named), not ${what}`));
  }
  if (element._blocked) return Promise.reject(new Error('this page enforces Trusted Types, which the charts do not support'));
  return new Promise((resolve, reject) => {
    const done = (e) => {
      element.removeEventListener('treaty-chart-rendered', done);
      element.removeEventListener('treaty-chart-error', done);
      if (e.type === 'treaty-chart-rendered') resolve(e.detail); else reject(new Error(e.detail.error));
    };
    element.addEventListener('treaty-chart-rendered', done);
    element.addEventListener('treaty-chart-error', done);
    for (const [k, v] of Object.entries(options)) {
      const name = k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      if (v === null || v === undefined || v === false) element.removeAttribute(name); else element.setAttribute(name, v === true ? '' : String(v));
    }
    element._drawn = null;
    element._force = true;
    element._schedule();
  });
}

define();

/** The chart registry (`treaty-charts meta --json`): charts, options, heights, languages. */
export const registry = META;

/** The loader's own messages (English) and the themes' CSS custom properties, for the iframe page. */
export const messages = TEXT;
/** The loader's own messages in a language (`fr`, `es-MX` → Spanish; English where the charts do not speak it). */
export const messagesFor = (lang) => textFor(primary(lang));
export const themeVars = META ? META.themes : { light: '', dark: '' };
/** Every option name in the registry. */
export const optionNames = META ? META.options : [];

export { TreatyChart };
