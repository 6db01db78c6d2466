import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await browser.newPage({ viewport: { width: 800, height: 900 } });
await p.setContent(`<!doctype html><html><head></head><body><div id="charts" style="width:640px"><treaty-chart chart="${process.argv[2]||'timeline'}" eager></treaty-chart></div>
<script>window.__resizeTo = async (w, frames) => { document.getElementById('charts').style.width = w + 'px'; for (let i = 0; i < frames; i++) await new Promise(requestAnimationFrame); };</script>
<script type="module" src="http://127.0.0.1:8765/treaty-charts.js"></script></body></html>`);
await p.waitForFunction(() => document.querySelector('treaty-chart')._res);
const cdp = await p.context().newCDPSession(p);
for (let i = 0; i < 5; i++) await p.evaluate((w) => window.__resizeTo(w, 3), i % 2 ? 640 : 560);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start');
for (let i = 0; i < 40; i++) await p.evaluate((w) => window.__resizeTo(w, 3), i % 2 ? 640 : 560);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const selfT = new Map(), incl = new Map();
profile.samples.forEach((s, i) => {
  const dt = profile.timeDeltas[i] || 0;
  const n = byId.get(s); const k = n.callFrame.functionName || n.callFrame.url.split('/').pop();
  selfT.set(k, (selfT.get(k) || 0) + dt);
  const seen = new Set(); let id = s;
  while (id !== undefined) { const m = byId.get(id); const kk = m.callFrame.functionName; if (!seen.has(kk)) { seen.add(kk); incl.set(kk, (incl.get(kk) || 0) + dt); } id = parent.get(id); }
});
console.log('--- self'); for (const [k, t] of [...selfT].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((t / 1000 / 40).toFixed(2), k.slice(0, 110));
console.log('--- inclusive'); for (const [k, t] of [...incl].filter(([k]) => k.includes('treaty_charts') || k.includes('serde') || k.includes('render')).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((t / 1000 / 40).toFixed(2), k.slice(0, 110));
await browser.close();
