// treaty-charts loader: defines <treaty-chart>.
//
//   <script type="module" src=".../treaty-charts.js"></script>
//   <treaty-chart chart="timeline" as-of="2020-08-03"></treaty-chart>
//
// The .wasm next to this file is fetched and compiled once for every chart on the page. Each chart renders into
// its own shadow root (host CSS cannot reach it), fits its container's width, re-renders on resize, and reserves
// its height before it loads. Rust draws the chart and writes every word; this file only wires the element's
// lifecycle, the tooltip (pointer, tap, keyboard) and the observers. Nothing here allocates or reads layout per
// pointer move.

import init, { renderInto, checkOptions, embedParams, setWorld } from './treaty_charts.js';

const WASM_URL = new URL('./treaty_charts_bg.wasm', import.meta.url);
// The map's outlines: a separate file, fetched once, only for charts that draw them.
const WORLD_URL = new URL('./treaty_charts_world.bin', import.meta.url);
// The chart registry, messages and theme colours, written in by scripts/build_web.py from `treaty-charts meta
// --json` (the crate's registry): chart names, reserved heights per width, per-year corrections.
const META = /*META*/null;
const CHARTS = Object.fromEntries((META?.charts ?? []).map((c) => [c.name, c]));
const MIN_WIDTH = META?.widths.min ?? 280;
const MAX_WIDTH = META?.widths.max ?? 2400;
const TEXT = META?.messages.en ?? { loading: 'Loading chart…', loadFailed: 'This chart could not be loaded.' };
// Attributes any HTML element may carry (HTML's global attributes, microdata, ARIA, data-*, event handlers);
// everything else is passed to Rust, so a misspelt option is an error.
const GLOBAL = /^(id|class|style|hidden|lang|dir|tabindex|slot|part|exportparts|role|title|translate|inert|is|nonce|autofocus|autocapitalize|autocorrect|accesskey|draggable|contenteditable|spellcheck|enterkeyhint|inputmode|popover|writingsuggestions|virtualkeyboardpolicy|itemid|itemprop|itemref|itemscope|itemtype|xmlns(:.*)?|xml:.*|aria-.*|data-.*|on.*)$/;
// A touch that lands beside a small target (an island state) takes the nearest within this many CSS px.
const TOUCH_SLOP = 20;

let ready = null;
let world = null;
let worldReady = false;
let fatalLogged = false;
function loadWasm() {
  ready ??= init({ module_or_path: WASM_URL });
  return ready;
}
function loadWorld() {
  world ??= Promise.all([loadWasm(), fetch(WORLD_URL).then((r) => {
    if (!r.ok) throw new Error(`${WORLD_URL.href}: HTTP ${r.status}`);
    return r.arrayBuffer();
  })]).then(([, buf]) => { setWorld(new Uint8Array(buf)); worldReady = true; });
  return world;
}

/** Resolves when the chart module is ready (for pages that call its exports, such as the iframe page). */
export function whenReady() { return loadWasm(); }

const THEME_CSS = META ? `figure { ${META.themes.light} } figure[data-theme=dark] { ${META.themes.dark} }
@media (prefers-color-scheme: dark) { figure[data-theme=auto] { ${META.themes.dark} } }` : '';

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
.chart:focus-visible { box-shadow: 0 0 0 3px var(--tc-focus); }
/* Fallback content (the element's children) shows only when the chart cannot run. */
.fallback { font: 15px/1.5 Arial, 'Liberation Sans', Helvetica, sans-serif; color: var(--tc-ink); margin-top: 6px; }
::slotted(*) { color: var(--tc-ink) !important; background: transparent !important; }
::slotted(a) { color: var(--tc-link) !important; }
/* Drawn at the container's width (or the width attribute); only ever scaled down, never stretched. */
svg { display: block; max-width: 100%; height: auto; }
.tip { position: absolute; top: 0; left: 0; z-index: 2; pointer-events: none; max-width: min(260px, 70%); padding: 6px 9px;
  background: var(--tc-tip-surface); color: var(--tc-ink); border: 1px solid var(--tc-tip-border); border-radius: 3px;
  box-shadow: 0 2px 6px rgba(0,0,0,.18); font: 13px/1.35 Arial, 'Liberation Sans', Helvetica, sans-serif; }
.tip b { display: block; margin-bottom: 2px; }
.tip span { display: block; }
.tc-error { border: 1px solid var(--tc-error-border); background: var(--tc-error-surface); color: var(--tc-error-ink);
  padding: 12px 14px; border-radius: 3px; font: 14px/1.45 Arial, 'Liberation Sans', Helvetica, sans-serif; }
.tc-loading { color: var(--tc-muted); font: 13px Arial, 'Liberation Sans', Helvetica, sans-serif; padding: 8px 0; }
.sr { position: absolute; top: 0; left: 0; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* Print: a chart is never split across pages and fits on one; focus marks and tooltips are screen-only. */
@media print {
  :host { break-inside: avoid; }
  svg { max-height: 96vh; width: auto; }
  .tip, .tc-focus, .hl { display: none !important; }
  .chart:focus-visible { box-shadow: none; }
}
`;

// Height to reserve before the chart exists, so the article does not jump when it appears: the registry's
// table of each chart's height on the newest data per width, corrected for an earlier date's year.
function reserveHeight(chart, width, asOf) {
  const kind = CHARTS[(chart ?? META?.charts[0]?.name ?? '').trim().toLowerCase()];
  if (!kind) return 0; // an unknown chart will be a one-line message
  const w = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width || 640));
  const t = kind.heights;
  let h = t[Math.min(t.length - 1, Math.round((w - MIN_WIDTH) / META.widths.step))];
  // An earlier date carries fewer notes: take its year's correction, interpolated in 1/width.
  const year = Number(/^\s*(\d{4})-/.exec(asOf ?? '')?.[1]);
  const d = kind.deltas[year - META.firstYear];
  if (d) {
    const [a, b, c] = META.deltaWidths;
    const lerp = (x0, x1, y0, y1) => y0 + (y1 - y0) * (1 / w - 1 / x0) / (1 / x1 - 1 / x0);
    h += w <= a ? d[0] : w >= c ? d[2] : w <= b ? lerp(a, b, d[0], d[1]) : lerp(b, c, d[1], d[2]);
  }
  return Math.round(h);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const INTERACTIVE = ['tabindex', 'role', 'aria-roledescription', 'aria-label'];

class TreatyChart extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${CSS}</style><figure data-theme="auto"><div class="chart" part="chart"><div class="tc-loading"></div></div>` +
      `<div class="tip" hidden></div><div class="sr" aria-live="polite"></div><div class="sr table"></div></figure>`;
    root.querySelector('.tc-loading').textContent = TEXT.loading;
    this._figure = root.querySelector('figure');
    this._chart = root.querySelector('.chart');
    this._tip = root.querySelector('.tip');
    this._live = root.querySelector('.sr');
    this._table = root.querySelector('.sr.table');
    this._hits = [];
    this._index = -1;
    this._queued = false;
    this._drawn = null; // options + width of the last drawing
    this._rect = null; // the drawing's bounding rectangle, cached between resizes and scrolls
    this._resize = new ResizeObserver(() => { this._rect = null; this._schedule(); });
    this._attrs = new MutationObserver(() => this._schedule());
    this._onScroll = () => { this._rect = null; };
    this._chart.addEventListener('pointermove', (e) => this._point(e));
    this._chart.addEventListener('pointerdown', (e) => this._point(e));
    this._chart.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') this._hide(); });
    this._chart.addEventListener('keydown', (e) => this._key(e));
    this._chart.addEventListener('focus', () => { if (this._walk?.length) this._show(this._index < 0 ? this._defaultIndex() : this._index, true); });
    this._chart.addEventListener('blur', () => this._hide());
  }

  connectedCallback() {
    this._syncTheme();
    if (!this._ready) {
      // A fixed width draws at that width and is scaled down (never up) to fit the container.
      const available = this._contentWidth() || this.parentElement?.clientWidth || 640;
      const fixed = Number(this.getAttribute('width'));
      const drawn = fixed >= MIN_WIDTH && fixed <= MAX_WIDTH ? fixed : available;
      this._reserved = Math.round(reserveHeight(this.getAttribute('chart'), drawn, this.getAttribute('as-of')) * Math.min(1, available / drawn));
      this._figure.style.setProperty('--tc-reserve', `${this._reserved}px`);
    }
    this._resize.observe(this);
    // Every attribute, not only the options: a misspelt one added later must show its error too.
    this._attrs.observe(this, { attributes: true });
    addEventListener('scroll', this._onScroll, { capture: true, passive: true });
    loadWasm().then(() => { this._ready = true; this._schedule(); }, (err) => this._fatal(err));
  }

  disconnectedCallback() {
    this._resize.disconnect();
    this._attrs.disconnect();
    removeEventListener('scroll', this._onScroll, { capture: true });
  }

  // The loader's own text (loading, errors, fallback) follows the chart's theme before the chart exists.
  _syncTheme() {
    const t = (this.getAttribute('theme') ?? '').trim().toLowerCase();
    this._figure.dataset.theme = t === 'light' || t === 'dark' ? t : 'auto';
  }

  // The module could not be fetched or compiled (missing file, offline, a Content-Security-Policy without
  // 'wasm-unsafe-eval'). Readers get a plain sentence and the element's own fallback content; the technical
  // reason goes to the console once per page, not once per chart.
  _fatal(err) {
    if (!fatalLogged) {
      fatalLogged = true;
      console.error(`<treaty-chart>: the chart module could not be loaded from ${WASM_URL.href}: ${err && err.message ? err.message : err}`);
    }
    const box = document.createElement('div');
    box.className = 'tc-error';
    box.setAttribute('role', 'alert');
    box.textContent = TEXT.loadFailed;
    const fallback = document.createElement('div');
    fallback.className = 'fallback';
    fallback.append(document.createElement('slot'));
    this._chart.replaceChildren(box, fallback);
    this._unreserve();
    this.dispatchEvent(new CustomEvent('treaty-chart-error', { detail: { error: box.textContent }, bubbles: true, composed: true }));
  }

  // Width inside the element's padding (0 when hidden): the width the chart is drawn at.
  _contentWidth() {
    if (!this.clientWidth) return 0;
    const cs = getComputedStyle(this);
    return Math.max(0, Math.floor(this.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)));
  }

  _unreserve() {
    this._figure.style.removeProperty('--tc-reserve');
  }

  // Renders on the next frame (once, however many changes came in); nothing until the module is ready.
  _schedule() {
    if (this._queued || !this._ready) return;
    this._queued = true;
    requestAnimationFrame(() => {
      this._queued = false;
      this._render();
    });
  }

  _options() {
    const o = {};
    for (const { name, value } of this.attributes) {
      if (!GLOBAL.test(name)) o[name] = value;
    }
    return o;
  }

  // Draws when the options or the width they resolve to have changed since the last drawing (so a resize, a
  // height change or a re-insertion does not redraw, and a rejected option is reported once, not per resize).
  _render() {
    if (!this.isConnected) return;
    this._syncTheme();
    const opts = this._options();
    const given = JSON.stringify(opts);
    if (!('width' in opts)) {
      const available = this._contentWidth();
      if (available > 0) {
        opts.width = String(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, available)));
      } else {
        // Hidden (display:none, a closed tab): no width to draw at yet; wait, but report a wrong option now.
        if (checkOptions(Object.entries(opts).flat()) === undefined) return;
        opts.width = String(MIN_WIDTH);
      }
    }
    const key = JSON.stringify(opts);
    if (key === this._drawn || (this._failed && given === this._given)) return;
    // A chart that draws the map's outlines waits for them (fetched once for the page).
    const kind = CHARTS[String(opts.chart ?? META?.charts[0]?.name ?? '').trim().toLowerCase()];
    if (kind?.world && !worldReady) {
      loadWorld().then(() => this._schedule(), (err) => this._fatal(err));
      return;
    }
    this._drawn = key;
    this._given = given;
    const previous = this._hits[this._index]?.key;
    const res = renderInto(this._chart, Object.entries(opts).flat());
    this._failed = !res.ok;
    this._unreserve();
    this._hide();
    this._index = -1;
    this._rect = null;
    if (!res.ok) {
      this._hits = [];
      this._table.textContent = '';
      for (const a of INTERACTIVE) this._chart.removeAttribute(a);
      this.dispatchEvent(new CustomEvent('treaty-chart-error', { detail: { error: res.error }, bubbles: true, composed: true }));
      return;
    }
    this._res = res;
    this._hits = res.hits;
    this._walk = res.hits.map((h, i) => (h.walk ? i : -1)).filter((i) => i >= 0);
    this._table.innerHTML = res.table; // escaped by Rust
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
    this.dispatchEvent(new CustomEvent('treaty-chart-rendered', {
      detail: { chart: res.chart, asOf: res.as_of, width: res.width, height: res.height }, bubbles: true, composed: true,
    }));
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

  // The mark target nearest to (x, y) within `max` SVG px, or -1.
  _nearest(x, y, max) {
    let best = -1;
    let bestD = max * max;
    for (let i = 0; i < this._hits.length; i++) {
      const at = this._hits[i].at;
      if (!at) continue;
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
      // The browser's own hit test finds the mark under the pointer; a touch beside a small one takes the nearest.
      const target = e.target.closest ? e.target.closest('[data-hit]') : null;
      if (target) i = Number(target.getAttribute('data-hit'));
      else if (e.pointerType !== 'mouse') i = this._nearest(x, y, TOUCH_SLOP * scale);
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
    if (!walk || !walk.length) return;
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

  _show(i, announce = false) {
    if (i === this._index && !this._tip.hidden) return;
    this._index = i;
    const hit = this._hits[i];
    const tip = this._tip;
    const [head, ...rest] = hit.lines;
    const b = document.createElement('b');
    b.textContent = head;
    const spans = rest.map((line) => { const s = document.createElement('span'); s.textContent = line; return s; });
    tip.replaceChildren(b, ...spans);
    tip.hidden = false;
    if (announce) this._live.textContent = hit.lines.join('. ');
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
        const t = below + th <= height ? below : above >= 0 ? above : top;
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
    const shape = this._svg.querySelector(`[data-hit="${i}"]`);
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

if (!customElements.get('treaty-chart')) customElements.define('treaty-chart', TreatyChart);

/** The loader's own messages (English) and the themes' CSS custom properties, for the iframe page. */
export const messages = TEXT;
export const themeVars = META ? META.themes : { light: '', dark: '' };
/** Every option name in the registry. */
export const optionNames = META ? META.options : [];

export { TreatyChart, embedParams };
