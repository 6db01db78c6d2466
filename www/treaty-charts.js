// treaty-charts loader: defines <treaty-chart>.
//
//   <script type="module" src=".../treaty-charts.js"></script>
//   <treaty-chart chart="timeline" as-of="2020-08-03"></treaty-chart>
//
// The .wasm next to this file is fetched and compiled once for every chart on the page. Each chart renders into
// its own shadow root (host CSS cannot reach it), fits its container's width, re-renders on resize, and reserves
// its height before it loads. Rust draws the chart; this file only wires the element's lifecycle, the tooltip
// (pointer, tap, keyboard) and the resize observer. Nothing here allocates per pointer move.

import init, { renderInto, checkOptions } from './treaty_charts.js';

const WASM_URL = new URL('./treaty_charts_bg.wasm', import.meta.url);
const OPTIONS = ['chart', 'as-of', 'width', 'chart-title'];
const MIN_WIDTH = 280;
const MAX_WIDTH = 2400;
// Attributes any HTML element may carry (HTML's global attributes, microdata, ARIA, data-*, event handlers);
// everything else is passed to Rust, so a misspelt option is an error.
const GLOBAL = /^(id|class|style|hidden|lang|dir|tabindex|slot|part|exportparts|role|title|translate|inert|is|nonce|autofocus|autocapitalize|autocorrect|accesskey|draggable|contenteditable|spellcheck|enterkeyhint|inputmode|popover|writingsuggestions|virtualkeyboardpolicy|itemid|itemprop|itemref|itemscope|itemtype|xmlns(:.*)?|xml:.*|aria-.*|data-.*|on.*)$/;

let ready = null;
let fatalLogged = false;
function loadWasm() {
  ready ??= init({ module_or_path: WASM_URL });
  return ready;
}

const CSS = `
/* all: initial stops the page's inherited text styles (letter-spacing, text-transform, colour, line-height …) at
   the host; direction is exempt from 'all', so the figure sets it. The chart takes the width it is given, also
   in flex rows and centred flex columns (stretch: the container's width less the element's own margins). */
:host { all: initial; display: block; position: relative; box-sizing: border-box; width: 100%;
  width: -webkit-fill-available; width: -moz-available; width: stretch; max-width: 100%; min-width: 0;
  flex: 1 1 100%; min-height: var(--tc-reserve, 0px); }
:host([hidden]) { display: none; }
figure { margin: 0; position: relative; direction: ltr; unicode-bidi: isolate; text-align: left; }
.chart { outline: none; border-radius: 2px; }
.chart:focus-visible { box-shadow: 0 0 0 3px #0b57a4; }
/* Fallback content (the element's children) shows only when the chart cannot run. */
.fallback { font: 15px/1.5 Arial, 'Liberation Sans', Helvetica, sans-serif; color: #1a1a1a; margin-top: 6px; }
/* Drawn at the container's width (or the width attribute); only ever scaled down, never stretched. */
svg { display: block; max-width: 100%; height: auto; }
.tip { position: absolute; top: 0; left: 0; z-index: 2; pointer-events: none; max-width: min(250px, 64%); padding: 6px 9px;
  background: #fff; color: #1a1a1a; border: 1px solid #b8b8b8; border-radius: 3px; box-shadow: 0 2px 6px rgba(0,0,0,.18);
  font: 13px/1.35 Arial, 'Liberation Sans', Helvetica, sans-serif; }
.tip b { display: block; margin-bottom: 2px; }
.tip span { display: block; }
.tc-error { border: 1px solid #b00020; background: #fff4f5; color: #5c0010; padding: 12px 14px; border-radius: 3px;
  font: 14px/1.45 Arial, 'Liberation Sans', Helvetica, sans-serif; }
.tc-loading { color: #595959; font: 13px Arial, 'Liberation Sans', Helvetica, sans-serif; padding: 8px 0; }
.sr { position: absolute; top: 0; left: 0; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* Print: a chart is never split across pages and fits on one; focus marks and tooltips are screen-only. */
@media print {
  :host { break-inside: avoid; }
  svg { max-height: 96vh; width: auto; }
  .tip, .tc-focus { display: none !important; }
  .chart:focus-visible { box-shadow: none; }
}
`;

// Height to reserve before the chart exists, so the article does not jump when it appears. scripts/build_web.py
// fills these in from the native renderer (the same layout code):
//   HEIGHTS {chart: [height on the newest data at 280 px, 300 px, … every 20 px to 2400 px]}
//   DELTAS  {chart: [[height on 31 Dec minus newest height, at 360, 640 and 1200 px] for each year from 1990]}
// Unbuilt, a rough fit stands in.
const HEIGHTS = /*HEIGHTS*/null;
const DELTAS = /*DELTAS*/null;
const HEIGHT_STEP = 20;
const DELTA_WIDTHS = [360, 640, 1200];
function reserveHeight(chart, width, asOf) {
  const w = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width || 640));
  const kind = (chart ?? 'timeline').trim().toLowerCase();
  if (kind !== 'timeline' && kind !== 'status') return 0; // an unknown chart will be a one-line message
  const table = HEIGHTS && HEIGHTS[kind];
  if (!table) {
    return kind === 'status' ? Math.round(388 + 146000 / w) : Math.round(Math.min(380, Math.max(190, w * 0.5)) + 207 + 168000 / w);
  }
  let h = table[Math.min(table.length - 1, Math.round((w - MIN_WIDTH) / HEIGHT_STEP))];
  // An earlier date carries fewer notes: take its year's correction, interpolated in 1/width.
  const year = Number(/^\s*(\d{4})-/.exec(asOf ?? '')?.[1]);
  const d = DELTAS && DELTAS[kind][year - 1990];
  if (d) {
    const [a, b, c] = DELTA_WIDTHS;
    const lerp = (x0, x1, y0, y1) => y0 + (y1 - y0) * (1 / w - 1 / x0) / (1 / x1 - 1 / x0);
    h += w <= a ? d[0] : w >= c ? d[2] : w <= b ? lerp(a, b, d[0], d[1]) : lerp(b, c, d[1], d[2]);
  }
  return Math.round(h);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

class TreatyChart extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${CSS}</style><figure><div class="chart" part="chart"><div class="tc-loading">Loading chart…</div></div>` +
      `<div class="tip" hidden></div><div class="sr" aria-live="polite"></div></figure>`;
    this._chart = root.querySelector('.chart');
    this._tip = root.querySelector('.tip');
    this._live = root.querySelector('.sr');
    this._hits = [];
    this._index = -1;
    this._queued = false;
    this._drawn = null; // options + width of the last drawing
    this._resize = new ResizeObserver(() => this._schedule());
    this._attrs = new MutationObserver(() => this._schedule());
    this._chart.addEventListener('pointermove', (e) => this._point(e));
    this._chart.addEventListener('pointerdown', (e) => this._point(e));
    this._chart.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') this._hide(); });
    this._chart.addEventListener('keydown', (e) => this._key(e));
    this._chart.addEventListener('focus', () => { if (this._hits.length) this._show(this._index < 0 ? this._hits.length - 1 : this._index, true); });
    this._chart.addEventListener('blur', () => this._hide());
  }

  connectedCallback() {
    if (!this._ready) {
      // A fixed width draws at that width and is scaled down (never up) to fit the container.
      const available = this._contentWidth() || this.parentElement?.clientWidth || 640;
      const fixed = Number(this.getAttribute('width'));
      const drawn = fixed >= MIN_WIDTH && fixed <= MAX_WIDTH ? fixed : available;
      this._reserved = Math.round(reserveHeight(this.getAttribute('chart'), drawn, this.getAttribute('as-of')) * Math.min(1, available / drawn));
      this.style.setProperty('--tc-reserve', `${this._reserved}px`);
    }
    this._resize.observe(this);
    // Every attribute, not only the four options: a misspelt one added later must show its error too.
    this._attrs.observe(this, { attributes: true });
    loadWasm().then(() => { this._ready = true; this._schedule(); }, (err) => this._fatal(err));
  }

  disconnectedCallback() {
    this._resize.disconnect();
    this._attrs.disconnect();
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
    box.textContent = 'This chart could not be loaded.';
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
    this.style.removeProperty('--tc-reserve');
    if (this.getAttribute('style') === '') this.removeAttribute('style');
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
    this._drawn = key;
    this._given = given;
    const res = renderInto(this._chart, Object.entries(opts).flat());
    this._failed = !res.ok;
    this._unreserve();
    this._hide();
    this._index = -1;
    if (!res.ok) {
      this._hits = [];
      for (const a of ['tabindex', 'role', 'aria-roledescription', 'aria-label']) this._chart.removeAttribute(a);
      this.dispatchEvent(new CustomEvent('treaty-chart-error', { detail: { error: res.error }, bubbles: true, composed: true }));
      return;
    }
    this._res = res;
    this._hits = res.hits;
    this._svg = this._chart.querySelector('svg');
    this._focusMarks();
    if (this._hits.length) {
      // A named, focusable group: screen readers announce the name and that the arrow keys work.
      this._chart.tabIndex = 0;
      this._chart.setAttribute('role', 'group');
      this._chart.setAttribute('aria-roledescription', 'interactive chart');
      this._chart.setAttribute('aria-label', `${res.title}. Use the left and right arrow keys to step through the dates on which a count changed.`);
    } else {
      for (const a of ['tabindex', 'role', 'aria-roledescription', 'aria-label']) this._chart.removeAttribute(a);
    }
    this.dispatchEvent(new CustomEvent('treaty-chart-rendered', {
      detail: { chart: res.chart, asOf: res.as_of, width: res.width, height: res.height }, bubbles: true, composed: true,
    }));
  }

  // The focus rule and dots, created once per render and moved on hover.
  _focusMarks() {
    this._rule = null;
    this._dots = [];
    if (!this._hits.length || !this._svg) return;
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', 'tc-focus');
    g.setAttribute('aria-hidden', 'true');
    g.setAttribute('visibility', 'hidden');
    const rule = document.createElementNS(SVG_NS, 'line');
    rule.setAttribute('stroke', '#333');
    rule.setAttribute('stroke-width', '1');
    rule.setAttribute('stroke-dasharray', '2 2');
    rule.setAttribute('y1', this._res.plot.y);
    rule.setAttribute('y2', this._res.plot.y + this._res.plot.h);
    g.append(rule);
    for (let i = 0; i < 2; i++) {
      const c = document.createElementNS(SVG_NS, 'circle');
      c.setAttribute('r', '4.5');
      c.setAttribute('stroke', '#fff');
      c.setAttribute('stroke-width', '1.5');
      g.append(c);
      this._dots.push(c);
    }
    this._svg.append(g);
    this._rule = rule;
    this._focus = g;
  }

  _nearest(x) {
    const h = this._hits;
    let lo = 0;
    let hi = h.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (h[mid].x < x) lo = mid + 1; else hi = mid;
    }
    if (lo > 0 && x - h[lo - 1].x < h[lo].x - x) lo -= 1;
    return lo;
  }

  _point(e) {
    if (!this._hits.length || !this._svg) return;
    const r = this._svg.getBoundingClientRect();
    const scale = this._res.width / r.width;
    const x = (e.clientX - r.left) * scale;
    const y = (e.clientY - r.top) * scale;
    const p = this._res.plot;
    if (x < p.x - 8 || x > p.x + p.w + 8 || y < p.y - 8 || y > p.y + p.h + 24) {
      this._hide(); // a tap outside the plot dismisses the tooltip, as moving the mouse out does
      return;
    }
    // Screen readers hear taps; mouse moves would flood the live region.
    this._show(this._nearest(x), e.pointerType !== 'mouse');
  }

  _key(e) {
    if (!this._hits.length) return;
    const last = this._hits.length - 1;
    const i = this._index < 0 ? last : this._index;
    const next = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: last, PageUp: i - 10, PageDown: i + 10 }[e.key];
    if (next === undefined) {
      if (e.key === 'Escape') this._hide();
      return;
    }
    e.preventDefault();
    this._show(Math.max(0, Math.min(last, next)), true);
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
    // Position (SVG px → CSS px): beside the rule if there is room, else over it; at the top of the plot, its
    // bottom, or below the axis — the first place that leaves the highlighted points visible.
    const scale = this._svg.getBoundingClientRect().width / this._res.width;
    const x = hit.x * scale;
    const width = this._svg.getBoundingClientRect().width; // the drawing, which a fixed width keeps narrower
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    const p = this._res.plot;
    const dots = hit.dots.map((d) => d[0] * scale);
    const lefts = [x + 12, x - 12 - tw].filter((l) => l >= 0 && l + tw <= width);
    if (!lefts.length) lefts.push(Math.max(0, Math.min(width - tw, x + 12)));
    const tops = [p.y * scale, Math.max(p.y * scale, (p.y + p.h) * scale - th)];
    const clear = (l, t) => l >= x + 6 || l + tw <= x - 6 || dots.every((dy) => dy < t - 6 || dy > t + th + 6);
    let place = null;
    for (const l of lefts) {
      for (const t of tops) if (!place && clear(l, t)) place = [l, t];
    }
    place ??= [lefts[0], (p.y + p.h) * scale + 30];
    tip.style.transform = `translate(${Math.round(place[0])}px, ${Math.round(place[1])}px)`;
    if (this._rule) {
      this._focus.setAttribute('visibility', 'visible');
      this._rule.setAttribute('x1', hit.x);
      this._rule.setAttribute('x2', hit.x);
      this._dots.forEach((c, k) => {
        const d = hit.dots[k];
        c.setAttribute('visibility', d ? 'visible' : 'hidden');
        if (d) {
          c.setAttribute('cx', hit.x);
          c.setAttribute('cy', d[0]);
          c.setAttribute('fill', d[1]);
        }
      });
    }
  }

  _hide() {
    this._tip.hidden = true;
    if (this._focus) this._focus.setAttribute('visibility', 'hidden');
  }
}

if (!customElements.get('treaty-chart')) customElements.define('treaty-chart', TreatyChart);

export { TreatyChart, OPTIONS };
