import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await browser.newPage({ viewport: { width: 800, height: 900 } });
await p.setContent(`<!doctype html><html><head></head><body><div id="charts" style="width:640px"><treaty-chart chart="${process.argv[2]||'timeline'}" eager></treaty-chart></div>
<script type="module" src="http://127.0.0.1:8765/treaty-charts.js"></script></body></html>`);
await p.waitForFunction(() => document.querySelector('treaty-chart')._res);
console.log(await p.evaluate(() => { const r = document.querySelector('treaty-chart')._res; return Object.entries(r).map(([k, v]) => `${k}:${JSON.stringify(v)?.length}`).join(' ') + ' | hits ' + r.hits.length + ' svg ' + document.querySelector('treaty-chart').shadowRoot.querySelector('svg').outerHTML.length; }));
console.log(await p.evaluate(() => JSON.stringify(document.querySelector('treaty-chart')._res.hits.slice(0, 2))));
await browser.close();
