import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await browser.newPage({ viewport: { width: 800, height: 900 } });
await p.setContent(`<!doctype html><html><head></head><body><div id="charts" style="width:640px"><treaty-chart chart="${process.argv[2]||'timeline'}" eager></treaty-chart></div>
<script>window.__resizeTo = async (w, frames) => { document.getElementById('charts').style.width = w + 'px'; for (let i = 0; i < frames; i++) await new Promise(requestAnimationFrame); };</script>
<script type="module" src="http://127.0.0.1:8765/treaty-charts.js"></script></body></html>`);
await p.waitForFunction(() => document.querySelector('treaty-chart')._res);
for (let i = 0; i < 5; i++) await p.evaluate((w) => window.__resizeTo(w, 3), i % 2 ? 640 : 560);
await browser.startTracing(p, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'] });
const N = 20;
for (let i = 0; i < N; i++) await p.evaluate((w) => window.__resizeTo(w, 3), i % 2 ? 640 : 560);
const buf = await browser.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents;
const main = ev.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const X = ev.filter((e) => e.ph === 'X' && e.tid === main.tid && e.pid === main.pid && e.dur);
const timers = X.filter((e) => e.name === 'TimerFire' || e.name === 'FireAnimationFrame' || e.name === 'FunctionCall');
const inT = new Map();
const tf = X.filter((e) => e.name === 'TimerFire');
for (const e of X) { const t = tf.find((t) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t); if (t) inT.set(e.name, (inT.get(e.name) || 0) + e.dur); }
console.log('TimerFire total', (tf.reduce((a, e) => a + e.dur, 0) / 1000 / N).toFixed(2), 'count', tf.length / N);
for (const [k, v] of [...inT].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000 / N).toFixed(2), k);
await browser.close();
