// Benchmark: treaty-charts against what a web developer would pick instead — Chart.js 4 (tree-shaken, bundled
// with esbuild) and Vega-Lite 6 through vega-embed — drawing the same timeline and status charts from the same data
// (the CLI's CSV). One headless Chromium run (Debian's, through playwright-core), stacks in alternating order,
// REPS cold loads per cell (default 7, env BENCH_REPS), medians, and each peer's ratio to treaty-charts
// (peer ÷ ours for figures where lower is better: above 1 means treaty-charts is ahead). Prints numbers; it never
// passes or fails on them.
//
//   node bench/run.mjs          (after scripts/build_web.py; part of scripts/test.sh)
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';

const DIST = process.env.DIST_DIR || 'dist';
const REPS = Math.max(1, Number(process.env.BENCH_REPS) || 7);
const CLI = 'target/release/treaty-charts';
const version = (p) => JSON.parse(readFileSync(`node_modules/${p}/package.json`, 'utf8')).version;
const STACKS = [
  { id: 'ours', label: 'treaty-charts', files: [`${DIST}/treaty-charts.js`, `${DIST}/treaty_charts_timeline_bg.wasm`] }, // for a timeline
  { id: 'chartjs', label: `Chart.js ${version('chart.js')}`, files: [`${DIST}/bench/chartjs.js`] },
  { id: 'vegalite', label: `Vega-Lite ${version('vega-lite')}`, files: [`${DIST}/bench/vegalite.js`] },
];
const NEWEST = JSON.parse(readFileSync(`${DIST}/meta.json`, 'utf8')).newest;

// 1. The peers' pages: the CLI's CSV beside their sources, bundled and minified.
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run scripts/build_web.py first`);
const src = `${DIST}/bench/src`;
mkdirSync(src, { recursive: true });
cpSync('bench/peers', src, { recursive: true });
for (const chart of ['timeline', 'status']) writeFileSync(`${src}/${chart}.csv`, execFileSync(CLI, ['data', '--chart', chart]));
for (const id of ['chartjs', 'vegalite']) {
  await build({ entryPoints: [`${src}/${id}.mjs`], bundle: true, minify: true, format: 'esm', target: 'es2022',
    loader: { '.csv': 'text' }, outfile: `${DIST}/bench/${id}.js`, logLevel: 'warning', legalComments: 'none' });
}

// 2. A server that compresses what it sends (as any real host does), so that the slow link carries gzip bytes.
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.bin': 'application/octet-stream', '.json': 'application/json', '.html': 'text/html' };
const cache = new Map();
function page(stack, chart, n) {
  const boxes = stack === 'ours'
    ? Array.from({ length: n }, () => `<treaty-chart chart="${chart}" eager></treaty-chart>`).join('\n')
    : Array.from({ length: n }, () => '<div class="c"></div>').join('\n');
  // Ours as the builder's snippet gives it: the kind's .wasm preloaded beside the loader.
  const script = stack === 'ours'
    ? `<link rel="preload" href="/treaty_charts_${chart}_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module" src="/treaty-charts.js"></script>
<script type="module">
import { memoryBytes } from '/treaty-charts.js';
const els = [...document.querySelectorAll('treaty-chart')];
await Promise.all(els.map((el) => el._res ? 0 : new Promise((r) => el.addEventListener('treaty-chart-rendered', r, { once: true }))));
window.__bench = {
  plotBox() {
    const el = els[0], svg = el.shadowRoot.querySelector('svg'), r = svg.getBoundingClientRect(), s = r.width / svg.viewBox.baseVal.width, p = el._res.plot;
    return { x: r.left + p.x * s, y: r.top + p.y * s, w: p.w * s, h: p.h * s };
  },
  memory: memoryBytes,
};
window.__drawn = performance.now();
</script>`
    : `<script type="module" src="/bench/${stack}.js"></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<script>window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) __lt.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
window.__resizeTo = async (w, frames) => { document.getElementById('charts').style.width = w + 'px'; dispatchEvent(new Event('resize')); for (let i = 0; i < frames; i++) await new Promise(requestAnimationFrame); };</script>
<style>body { margin: 0; font: 16px Arial, sans-serif; } #charts { width: 640px; } .c, treaty-chart { display: block; margin: 0 0 24px; }</style>
</head><body><div id="charts">${boxes}</div>${script}</body></html>`;
}
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let body, type;
  if (url.pathname === '/bench/page') {
    body = Buffer.from(page(url.searchParams.get('stack'), url.searchParams.get('chart'), Number(url.searchParams.get('n')) || 1));
    type = 'text/html; charset=utf-8';
  } else {
    const path = normalize(join(DIST, url.pathname));
    if (!path.startsWith(normalize(DIST)) || !existsSync(path)) { res.writeHead(404).end(); return; }
    if (!cache.has(path)) cache.set(path, gzipSync(readFileSync(path), { level: 9 }));
    body = cache.get(path);
    type = TYPES[extname(path)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store' });
    res.end(body);
    return;
  }
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const BASE = `http://127.0.0.1:${server.address().port}`;

// 3. Measurements.
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'] });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const metric = async (cdp, name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
const settle = (p) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestIdleCallback(r, { timeout: 2000 }))));

// One cold load (a fresh context: no cache, no compiled code): navigation start → drawn, and total blocking time
// (the part of each long task above 50 ms, up to the drawing's end).
async function load(stack, { chart = 'timeline', n = 1, cpu = 1, slow = false, after } = {}) {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const cdp = await context.newCDPSession(p);
  await cdp.send('Performance.enable');
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (slow) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
  }
  await p.goto(`${BASE}/bench/page?stack=${stack}&chart=${chart}&n=${n}`);
  await p.waitForFunction(() => window.__drawn, null, { timeout: 120000, polling: 50 }).catch((e) => { throw new Error(`${stack} ${chart}: not drawn (${errors.join('; ') || e.message})`); });
  await settle(p);
  const { drawn, tbt } = await p.evaluate(() => ({ drawn: window.__drawn,
    tbt: window.__lt.filter(([s]) => s <= window.__drawn).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0) }));
  if (errors.length) throw new Error(`${stack}: ${errors.join('; ')}`);
  const extra = after ? await after(p, cdp) : {};
  await context.close();
  return { drawn, tbt, ...extra };
}

// Main-thread time per redraw after a width change (20 changes, 560 ↔ 640 px, three frames each) and per pointer
// move across the timeline's plot (100 moves), from the DevTools "TaskDuration" counter.
async function interact(p, cdp) {
  let t0 = await metric(cdp, 'TaskDuration');
  for (let i = 0; i < 20; i++) await p.evaluate((w) => window.__resizeTo(w, 3), i % 2 ? 640 : 560);
  const resize = ((await metric(cdp, 'TaskDuration')) - t0) * 1000 / 20;
  await p.evaluate(() => window.__resizeTo(640, 3));
  const box = await p.evaluate(() => window.__bench.plotBox());
  await p.mouse.move(box.x + 1, box.y + box.h / 2);
  await settle(p);
  t0 = await metric(cdp, 'TaskDuration');
  for (let i = 0; i < 100; i++) await p.mouse.move(box.x + 1 + (box.w - 2) * (i / 99), box.y + box.h * (0.3 + 0.4 * ((i * 7) % 10) / 10));
  await settle(p);
  const pointer = ((await metric(cdp, 'TaskDuration')) - t0) * 1000 / 100;
  return { resize, pointer };
}

// JS heap (after a forced garbage collection) and wasm memory, before and after 1,000 width changes.
async function heap(p, cdp) {
  const used = async () => { await cdp.send('HeapProfiler.collectGarbage'); return metric(cdp, 'JSHeapUsedSize'); };
  const h0 = await used();
  const w0 = await p.evaluate(() => window.__bench.memory());
  await p.evaluate(async () => { for (let i = 0; i < 1000; i++) await window.__resizeTo(i % 2 ? 640 : 560 + (i % 7) * 10, 1); await window.__resizeTo(640, 3); });
  const h1 = await used();
  const w1 = await p.evaluate(() => window.__bench.memory());
  return { heapGrowth: (h1 - h0) / 1e6, heapAfter: h1 / 1e6, wasm: w1 / 1e6, wasmGrowth: (w1 - w0) / 1e6 };
}

const CELLS = [
  { key: 'drawn1', label: 'navigation → timeline drawn, 1× CPU (ms)', opts: { after: interact }, pick: (r) => r.drawn },
  { key: 'tbt1', label: 'total blocking time, one timeline, 1× (ms)', from: 'drawn1', pick: (r) => r.tbt },
  { key: 'resize', label: 'main thread per width change (ms)', from: 'drawn1', pick: (r) => r.resize },
  { key: 'pointer', label: 'main thread per pointer move (ms)', from: 'drawn1', pick: (r) => r.pointer },
  { key: 'drawn4', label: 'navigation → timeline drawn, 4× CPU (ms)', opts: { cpu: 4 }, pick: (r) => r.drawn },
  { key: 'tbt4', label: 'total blocking time, one timeline, 4× (ms)', from: 'drawn4', pick: (r) => r.tbt },
  { key: 'status', label: 'navigation → status chart drawn, 1× (ms)', opts: { chart: 'status' }, pick: (r) => r.drawn },
  { key: 'slow', label: 'timeline drawn on a slow link (150 ms, 1.6 Mbit/s) (ms)', opts: { slow: true }, pick: (r) => r.drawn },
  { key: 'twenty', label: '20 timelines: all drawn (ms)', opts: { n: 20 }, pick: (r) => r.drawn },
  { key: 'tbt20', label: '20 timelines: total blocking time (ms)', from: 'twenty', pick: (r) => r.tbt },
];
const results = Object.fromEntries(STACKS.map((s) => [s.id, {}]));
for (const cell of CELLS.filter((c) => !c.from)) {
  const runs = Object.fromEntries(STACKS.map((s) => [s.id, []]));
  for (let rep = 0; rep < REPS; rep++) {
    // Alternate the order: each stack goes first, second and third in turn.
    const order = STACKS.map((_, i) => STACKS[(i + rep) % STACKS.length]);
    for (const s of order) runs[s.id].push(await load(s.id, cell.opts));
  }
  for (const s of STACKS) {
    for (const c of CELLS.filter((x) => x === cell || x.from === cell.key)) results[s.id][c.key] = median(runs[s.id].map(c.pick));
  }
}
const heaps = {};
for (const s of STACKS) heaps[s.id] = await load(s.id, { after: heap });
// Gzip as scripts/size.py measures it (Python's zlib at level 9), so that the two agree to the byte; zlib builds
// differ by a few per cent on the same file (Node's gives the .wasm about 4 KB more).
const gzipped = (f) => Number(execFileSync('python3', ['-c', 'import gzip, sys; print(len(gzip.compress(open(sys.argv[1], "rb").read(), 9, mtime=0)))', f], { encoding: 'utf8' }));
const bytes = Object.fromEntries(STACKS.map((s) => [s.id, s.files.reduce((t, f) => t + gzipped(f), 0) / 1024]));
const chromiumVersion = browser.version();
await browser.close();
server.close();

// 4. The table.
const rows = [
  ['gzip KB a reader downloads (code + data)', (id) => bytes[id], 1],
  ...CELLS.map((c) => [c.label, (id) => results[id][c.key], c.key === 'pointer' ? 2 : c.key === 'resize' ? 1 : 0]),
  ['JS heap growth over 1,000 width changes (MB)', (id) => heaps[id].heapGrowth, 2],
  ['JS heap after them (MB)', (id) => heaps[id].heapAfter, 2],
];
const fmt = (v, d) => (Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '–');
const ratio = (peer, ours) => (ours > 0 ? `${(peer / ours).toFixed(2)}×` : '–');
console.log(`benchmark: ${STACKS.map((s) => s.label).join(' vs ')} (vega ${version('vega')}, vega-embed ${version('vega-embed')}); Chromium ${chromiumVersion};`);
console.log(`${REPS} cold loads per cell, stacks in alternating order, medians; the same data (treaty-charts data, as of ${NEWEST}); ratio = peer ÷ treaty-charts (above 1: treaty-charts ahead)`);
const W = 58;
console.log(`${'figure'.padEnd(W)} ${'treaty-charts'.padStart(13)} ${'Chart.js'.padStart(9)} ${'ratio'.padStart(7)} ${'Vega-Lite'.padStart(10)} ${'ratio'.padStart(7)}`);
for (const [label, get, d] of rows) {
  const [o, c, v] = STACKS.map((s) => get(s.id));
  console.log(`${label.padEnd(W)} ${fmt(o, d).padStart(13)} ${fmt(c, d).padStart(9)} ${ratio(c, o).padStart(7)} ${fmt(v, d).padStart(10)} ${ratio(v, o).padStart(7)}`);
}
console.log(`${'wasm memory after them (MB; growth)'.padEnd(W)} ${`${fmt(heaps.ours.wasm, 2)} (+${fmt(heaps.ours.wasmGrowth, 2)})`.padStart(13)}`);
console.log('What the peers\' charts lack that treaty-charts draws: the notes on what a count measures and leaves out, the lists\' completeness dates and sources,');
console.log('uncertain dates as ranges, end labels, keyboard and screen-reader tooltips, a CSV link, light/dark themes and three languages;');
console.log('treaty-charts\' timeline is taller for it (its notes are part of the drawing). Chart.js draws a canvas with a date axis faked as decimal years.');
