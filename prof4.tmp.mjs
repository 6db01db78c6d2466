import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await browser.newPage({ viewport: { width: 800, height: 900 } });
await p.setContent(`<!doctype html><html><head></head><body><div id="charts" style="width:640px"><treaty-chart chart="${process.argv[2]||'timeline'}" eager></treaty-chart></div>
<script>window.__resizeTo = async (w, frames) => { document.getElementById('charts').style.width = w + 'px'; for (let i = 0; i < frames; i++) await new Promise(requestAnimationFrame); };</script>
<script type="module" src="http://127.0.0.1:8765/treaty-charts.js"></script></body></html>`);
await p.waitForFunction(() => document.querySelector('treaty-chart')._res);
await p.evaluate(() => {
  const el = document.querySelector('treaty-chart'); window.__t = { render: [], wasm: [], calls: 0 };
  const r = el._render.bind(el); el._render = () => { window.__t.calls++; const t = performance.now(); r(); window.__t.render.push(performance.now() - t); };
  const api = el._mod.api; const ri = api.renderInto;
  api.renderInto = (...a) => { const t = performance.now(); const x = ri(...a); window.__t.wasm.push(performance.now() - t); return x; };
});
for (let i = 0; i < 20; i++) await p.evaluate((w) => window.__resizeTo(w, 3), i % 2 ? 640 : 560);
const t = await p.evaluate(() => window.__t);
const med = (x) => x.sort((a, b) => a - b)[x.length >> 1];
console.log('calls', t.calls, 'render med', med(t.render).toFixed(2), 'wasm med', med(t.wasm).toFixed(2), 'n', t.wasm.length);
await browser.close();
