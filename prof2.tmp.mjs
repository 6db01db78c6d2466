import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await browser.newPage({ viewport: { width: 800, height: 900 } });
await p.setContent(`<!doctype html><html><head></head><body><div id="charts" style="width:640px"><treaty-chart chart="${process.argv[2]||'timeline'}" eager></treaty-chart></div>
<script>window.__resizeTo = async (w, frames) => { document.getElementById('charts').style.width = w + 'px'; for (let i = 0; i < frames; i++) await new Promise(requestAnimationFrame); };</script>
<script type="module" src="http://127.0.0.1:8765/treaty-charts.js"></script></body></html>`);
await p.waitForFunction(() => document.querySelector('treaty-chart')._res);
const cdp = await p.context().newCDPSession(p);
for (let i = 0; i < 5; i++) await p.evaluate((w) => window.__resizeTo(w, 3), i % 2 ? 640 : 560);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
for (let i = 0; i < 40; i++) await p.evaluate((w) => window.__resizeTo(w, 3), i % 2 ? 640 : 560);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const cnt = new Map(); profile.samples.forEach((s, i) => cnt.set(s, (cnt.get(s) || 0) + (dt[i] || 0)));
for (const [id, t] of cnt) { const n = byId.get(id); const k = n.callFrame.functionName + ' ' + (n.callFrame.url.split('/').pop()) ; self.set(k, (self.get(k) || 0) + t); }
const tot = [...self.values()].reduce((a, b) => a + b, 0);
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((t / 1000 / 40).toFixed(2), k);
await browser.close();
