// End-to-end: the journalist's kit — every iframe resize protocol (ours, AMP, Pym.js, WordPress, native sizing),
// lazy rendering of many charts, hosts that make the element inline, touch swipes, the time slider, properties and
// the JS API, and two copies of the loader on one page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, serve, SHOTS } from './browser.mjs';

let h;
before(async () => { h = await start(); });
after(() => h.stop());

// A host page at another origin's path on the same server, with `body`, and Pym.js served from node_modules.
async function host(body, viewport = { width: 900, height: 900 }) {
  const context = await h.browser.newContext({ viewport });
  await context.route('**/__host.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body style="margin:0">${body}</body></html>` }));
  await context.route('**/__pym.js', (r) => r.fulfill({ contentType: 'text/javascript', body: readFileSync('node_modules/pym.js/dist/pym.v1.min.js', 'utf8') }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.base}/__host.html`);
  return { page, context, errors };
}

// The chart's drawn height inside a same-origin iframe once it has rendered, and the page's own height.
function framed(page, sel) {
  return page.waitForFunction((s) => {
    const f = document.querySelector(s);
    const el = f?.contentDocument?.getElementById('chart');
    return el && el._res ? Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height) : false;
  }, sel, { timeout: 20000 }).then((v) => v.jsonValue());
}

test('our message, AMP embed-size and Pym.js each size their iframe to the chart, growing and shrinking', async () => {
  const script = `
    addEventListener('message', (e) => {
      const f = [...document.querySelectorAll('iframe')].find((x) => x.contentWindow === e.source);
      if (!f || typeof e.data !== 'object' || !e.data) return;
      if (f.id === 'ours' && e.data.type === 'treaty-chart:height') f.style.height = e.data.height + 'px';
      if (f.id === 'amp' && e.data.sentinel === 'amp' && e.data.type === 'embed-size') f.style.height = e.data.height + 'px';
    });`;
  const { page, context, errors } = await host(
    `<iframe id="ours" src="embed.html?chart=status" style="width:600px;height:200px;border:0"></iframe>` +
    `<iframe id="amp" src="embed.html?chart=status" style="width:600px;height:200px;border:0"></iframe>` +
    `<div id="pym"></div><script src="__pym.js"></script>` +
    `<script>${script}; window.pymParent = new pym.Parent('pym', 'embed.html?chart=status', {});</script>`);
  const settled = async (sel, want) => {
    await page.waitForFunction(([s, w]) => Math.abs(document.querySelector(s).getBoundingClientRect().height - w) <= 1, [sel, want], { timeout: 20000 });
    return Math.round(await page.evaluate((s) => document.querySelector(s).getBoundingClientRect().height, sel));
  };
  const want = await framed(page, '#ours');
  for (const sel of ['#ours', '#amp', '#pym iframe']) {
    const content = await framed(page, sel);
    const got = await settled(sel, content);
    assert.ok(Math.abs(got - content) <= 1, `${sel}: ${got} vs ${content}`);
    // No inner scrollbar: the iframe's document fits.
    assert.equal(await page.evaluate((s) => { const d = document.querySelector(s).contentDocument.documentElement; return d.scrollHeight - d.clientHeight; }, sel), 0, sel);
  }
  // Wider: the text wraps less, the chart is shorter, and every host shrinks its iframe.
  await page.evaluate(() => { for (const f of document.querySelectorAll('iframe')) f.style.width = '1000px'; });
  const wide = await page.waitForFunction((w) => {
    const d = document.querySelector('#ours').contentDocument;
    const hh = Math.ceil(d.documentElement.getBoundingClientRect().height);
    return d.getElementById('chart')._res.width === 1000 && hh < w ? hh : false;
  }, want, { timeout: 20000 }).then((v) => v.jsonValue());
  for (const sel of ['#ours', '#amp']) {
    assert.ok(Math.abs((await settled(sel, wide)) - wide) <= 1, sel);
  }
  // Pym's iframe is 100% of its container: it follows the container's width and still fits.
  const pymNow = await framed(page, '#pym iframe');
  assert.ok(Math.abs((await settled('#pym iframe', pymNow)) - pymNow) <= 1, 'pym');
  console.log(`# iframe heights (status chart): ${want} px at 600 px wide, ${wide} px at 1000 px; ours, AMP and Pym.js agree`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a WordPress-style sandboxed iframe loads the module cross-origin and posts {secret, message, value}', async () => {
  const { page, context, errors } = await host(
    `<iframe id="wp" sandbox="allow-scripts" src="embed.html?chart=status#?secret=abc123" style="width:600px;height:300px;border:0"></iframe>` +
    `<script>window.__wp = []; addEventListener('message', (e) => { if (e.data && e.data.secret) window.__wp.push(e.data); });</script>`);
  const msg = await page.waitForFunction(() => window.__wp.find((m) => m.value > 400), null, { timeout: 20000 }).then((v) => v.jsonValue());
  assert.deepEqual([msg.secret, msg.message], ['abc123', 'height']);
  console.log(`# sandboxed (opaque-origin) iframe drew and posted height ${msg.value} px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('native iframe sizing where the browser has it (frame-sizing: content-height); messages where it has not', async () => {
  const { page, errors, context } = await host('<iframe id="n" src="embed.html?chart=status" style="width:600px;border:0;frame-sizing:content-height"></iframe>' +
    '<script>window.__h = []; addEventListener("message", (e) => { if (e.data && e.data.type === "treaty-chart:height") window.__h.push(e.data.height); });</script>');
  const content = await framed(page, '#n');
  // The embed page asks (requestResize) whenever its height changes; whether the browser obeys is the browser's.
  const posted = await page.waitForFunction((c) => window.__h.includes(c) && window.__h, content).then((v) => v.jsonValue());
  const native = await page.evaluate((c) => Math.abs(document.getElementById('n').getBoundingClientRect().height - c) <= 1, content);
  const api = await page.evaluate(() => [CSS.supports('frame-sizing', 'content-height'), typeof document.getElementById('n').contentWindow.requestResize]);
  console.log(`# native iframe sizing in this Chromium: CSS.supports ${api[0]}, requestResize ${api[1]}, iframe ${native ? 'took' : 'did not take'} the content height (${content} px) by itself; height messages posted: ${posted.length}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an iframe far below the fold draws at once, so its height is known before the reader gets there', async () => {
  const { page, context } = await host('<div style="height:5000px"></div><iframe id="far" src="embed.html?chart=map" style="width:600px;height:100px;border:0"></iframe>');
  const hh = await framed(page, '#far');
  assert.ok(hh > 300, `${hh}`);
  await context.close();
});

test('a cross-origin iframe far below the fold (no frames while out of view) still draws and posts its height', async () => {
  // The host page from a second server: another origin. Chromium gives a cross-origin frame no animation frames
  // or resize observations while it is out of view; its page must draw, and post its height, all the same.
  const dir = mkdtempSync(join(tmpdir(), 'tc-host-'));
  writeFileSync(join(dir, 'host.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body style="margin:0">' +
    '<script>window.__heights = []; addEventListener("message", (e) => { if (e.data && e.data.type === "treaty-chart:height") window.__heights.push(e.data.height); });</script>' +
    `<div style="height:5000px"></div><iframe id="far" src="${h.base}/embed-timeline.html?lang=fr" style="width:600px;height:100px;border:0"></iframe></body></html>`);
  const { base: other, server } = await serve(dir);
  const context = await h.browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${other}/host.html`);
  const height = await page.waitForFunction(() => window.__heights.at(-1) > 300 && window.__heights.at(-1), null, { timeout: 20000 }).then((v) => v.jsonValue());
  // Still out of view: nothing scrolled.
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.ok(height > 600 && height < 1400, `${height}`);
  await context.close();
  server.kill();
});

test('a host that makes the element inline, contents or a table cell still gets its chart', async () => {
  const { page, errors, context } = await h.openHtml(
    '<style>#a { display: inline } #b { display: contents } #c { display: table-cell }</style>' +
    '<div style="width:640px"><treaty-chart id="a" chart="status"></treaty-chart></div>' +
    '<div style="width:640px"><treaty-chart id="b" chart="status"></treaty-chart></div>' +
    '<div style="display:table;width:640px"><treaty-chart id="c" chart="status"></treaty-chart></div>', { width: 900, height: 2400 });
  for (const id of ['a', 'b', 'c']) {
    await h.rendered(page, id);
    const w = await page.evaluate((i) => document.getElementById(i)._res.width, id);
    assert.ok(w >= 600 && w <= 640, `${id}: drawn at ${w}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone a swipe over the plot scrolls without a tooltip; a tap shows one; scrolling hides it', async () => {
  const context = await h.browser.newContext({ viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true });
  await context.route('**/__phone.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><meta name=viewport content="width=device-width"><script type=module src="./treaty-charts.js"></script><body style="margin:0"><treaty-chart id="t"></treaty-chart><div style="height:3000px"></div>' }));
  const page = await context.newPage();
  await page.goto(`${h.base}/__phone.html`);
  await h.rendered(page, 't');
  const [x, y] = await page.evaluate(() => { const el = document.getElementById('t'); const r = el._svg.getBoundingClientRect(); const p = el._res.plot; const s = r.width / el._res.width; return [r.left + (p.x + p.w / 2) * s, r.top + (p.y + p.h / 2) * s]; });
  const tipShown = () => page.evaluate(() => !document.getElementById('t').shadowRoot.querySelector('.tip').hidden);
  // A swipe: touch down on the plot, move up 200 px, lift — the page scrolls.
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await touch('touchStart', [{ x, y }]);
  for (let k = 1; k <= 10; k++) await touch('touchMove', [{ x, y: y - 20 * k }]);
  await touch('touchEnd', []);
  await page.waitForFunction(() => scrollY > 0, null, { timeout: 5000 }).catch(() => {});
  assert.equal(await tipShown(), false, 'no tooltip after a swipe');
  // A touch below the chart stops the fling (on a loaded machine it could otherwise scroll on after the tap).
  await touch('touchStart', [{ x: 10, y: 690 }]);
  await touch('touchEnd', []);
  // A tap shows it; scrolling the page hides it. First let the swipe's fling end and the page return to the top
  // (a scroll event arriving after the tap would rightly hide its tooltip): scrolled to 0 and still for two frames.
  await page.evaluate(() => new Promise((resolve) => {
    let last = -1;
    const frame = () => {
      if (scrollY !== 0) scrollTo(0, 0);
      if (scrollY === 0 && last === 0) return resolve();
      last = scrollY;
      requestAnimationFrame(() => requestAnimationFrame(frame));
    };
    frame();
  }));
  await page.touchscreen.tap(x, y);
  await page.waitForFunction(() => !document.getElementById('t').shadowRoot.querySelector('.tip').hidden);
  await page.evaluate(() => scrollTo(0, 300));
  await page.waitForFunction(() => document.getElementById('t').shadowRoot.querySelector('.tip').hidden);
  await context.close();
});

test('twenty charts in a scrolling div: one .wasm per kind, charts drawn as they come near, little blocking (printed)', async () => {
  const kinds = ['timeline', 'status', 'map', 'regions'];
  const charts = Array.from({ length: 20 }, (_, i) => `<treaty-chart id="c${i}" chart="${kinds[i % 4]}"></treaty-chart>`).join('');
  const { page, errors, context } = await h.openHtml(
    '<script>window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask", buffered: true });</script>' +
    `<div id="box" style="height:800px;overflow:auto">${charts}</div>`, { width: 800, height: 900 });
  await page.waitForFunction(() => document.getElementById('c0')._res && document.getElementById('c1')._res);
  const drawnAtLoad = await page.evaluate(() => [...document.querySelectorAll('treaty-chart')].filter((e) => e._res).length);
  // Scroll the box to the end: the rest draw as they come near.
  await page.evaluate(() => { const b = document.getElementById('box'); b.scrollTop = b.scrollHeight; });
  await page.waitForFunction(() => document.getElementById('c19')._res, null, { timeout: 30000 });
  const r = await page.evaluate(() => {
    const tbt = window.__long.reduce((s, d) => s + Math.max(0, d - 50), 0);
    const wasm = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).map((e) => e.name.split('/').pop()).sort();
    return { tbt, long: window.__long.length, wasm, drawn: [...document.querySelectorAll('treaty-chart')].filter((e) => e._res).length };
  });
  console.log(`# 20 charts in a scrolling div: ${drawnAtLoad} drawn at load, all ${r.drawn} after scrolling; ${r.wasm.length} .wasm fetches (${r.wasm.join(', ')}); total blocking time ${Math.round(r.tbt)} ms over ${r.long} long tasks`);
  // Each kind's module once, whatever the number of its charts.
  assert.deepEqual(r.wasm, kinds.map((k) => `treaty_charts_${k}_bg.wasm`).sort());
  assert.ok(drawnAtLoad < 20, `${drawnAtLoad} drawn before scrolling`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the time slider: a labelled slider in the chart\'s language, keys, play, and the chart follows it', async () => {
  const { page, errors, context } = await h.openHtml('<treaty-chart id="s" chart="status" controls as-of="2020-08-03"></treaty-chart><treaty-chart id="f" chart="timeline" controls lang="fr"></treaty-chart>', { width: 800, height: 1600 });
  await h.rendered(page, 's');
  const slider = page.locator('#s .controls input[type=range]');
  assert.equal(await slider.getAttribute('aria-valuetext'), '3\u00a0Aug\u00a02020');
  assert.equal(await page.locator('#s .controls').getAttribute('aria-label'), 'Move the chart through time');
  const asOf = () => page.evaluate(() => document.getElementById('s')._res.as_of);
  const next = (d) => page.waitForFunction((v) => document.getElementById('s')._res.as_of !== v, d);
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await next('2020-08-03');
  assert.equal(await asOf(), '2019-12-31');
  assert.match(await h.rendered(page, 's'), /31\sDec\s2019/);
  // Screen readers hear the new numbers (data/treaty_actions.csv: 173–175 Palermo parties among the 195 then).
  assert.match(await page.evaluate(() => document.getElementById('s').shadowRoot.querySelector('[aria-live]').textContent), /31\sDec\s2019: Palermo Protocol: 173–175\sparties/);
  // The page's own date is still a stop: → goes back to it.
  await page.keyboard.press('ArrowRight');
  await next('2019-12-31');
  assert.equal(await asOf(), '2020-08-03');
  await page.keyboard.press('ArrowLeft');
  await next('2020-08-03');
  await page.keyboard.press('Home');
  await next('2019-12-31');
  assert.equal(await asOf(), '1990-12-31');
  // At the first date there is none before: back says so (and keeps focus), forward does not.
  assert.deepEqual(await page.evaluate(() => [...document.getElementById('s').shadowRoot.querySelectorAll('.controls .back, .controls .forward')].map((b) => b.getAttribute('aria-disabled'))), ['true', 'false']);
  // Play steps through the years, and the page below never moves back up while it plays (the chart's height only
  // grows: each year's notes differ).
  await page.evaluate(() => {
    const el = document.getElementById('s');
    window.heights = [];
    el.addEventListener('treaty-chart-rendered', () => { if (el._playing) heights.push(el.getBoundingClientRect().height); });
  });
  await page.locator('#s .controls .play').click();
  await page.waitForFunction(() => document.getElementById('s')._res.as_of >= '1993-12-31');
  const heights = await page.evaluate(() => window.heights);
  assert.ok(heights.length >= 3, `${heights.length} steps`);
  heights.forEach((h, i) => assert.ok(i === 0 || h >= heights[i - 1], `step ${i}: ${h} px after ${heights[i - 1]} px`));
  // Esc stops it (focus is on the play button).
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.getElementById('s')._playing), null);
  // The slider keeps its place when the page resizes.
  const before = await asOf();
  await page.setViewportSize({ width: 500, height: 1600 });
  await page.waitForFunction(() => document.getElementById('s')._res.width < 500);
  assert.equal(await asOf(), before);
  // While it plays, a wrong option stops it: no slider over the error box; a right one brings both back.
  await page.locator('#s .controls .play').click();
  const failed = page.evaluate(() => new Promise((r) => document.getElementById('s').addEventListener('treaty-chart-error', (e) => r(e.detail.error), { once: true })));
  await page.evaluate(() => document.getElementById('s').setAttribute('theme', 'sepia'));
  assert.match(await failed, /Invalid theme “sepia”/);
  assert.equal(await page.locator('#s .controls').isVisible(), false);
  assert.equal(await page.evaluate(() => document.getElementById('s')._playing), null, 'the hidden slider no longer steps');
  await page.evaluate(() => document.getElementById('s').setAttribute('theme', ''));
  await page.waitForFunction(() => document.getElementById('s')._res && !document.getElementById('s')._failed);
  assert.equal(await page.locator('#s .controls').isVisible(), true, 'an empty theme is the default theme');
  errors.length = 0; // the wrong theme's one console line, asserted above through its event
  // French words for a French chart.
  await h.rendered(page, 'f');
  assert.equal(await page.locator('#f .controls').getAttribute('aria-label'), 'Faire défiler le graphique dans le temps');
  assert.match(await page.locator('#f .controls input').getAttribute('aria-valuetext'), /févr\.\s2026/);
  assert.deepEqual(errors, []);
  await context.close();
  // Readers who ask for reduced motion get step buttons, not play.
  const calm = await h.browser.newContext({ reducedMotion: 'reduce' });
  await calm.route('**/__calm.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><script type=module src="./treaty-charts.js"></script><treaty-chart id="c" controls></treaty-chart>' }));
  const p = await calm.newPage();
  await p.goto(`${h.base}/__calm.html`);
  await h.rendered(p, 'c');
  assert.equal(await p.locator('#c .controls .play').isVisible(), false);
  assert.equal(await p.locator('#c .controls .back').isVisible(), true);
  await calm.close();
});

test('properties mirror attributes, render() resolves, define() takes another name, a second copy warns once', async () => {
  const { page, errors, context } = await h.openHtml(
    '<treaty-chart id="p" chart="status"></treaty-chart>' +
    '<script type="module">import { render, define, version } from "./treaty-charts.js"; window.__api = { render, define, version };</script>');
  await h.rendered(page, 'p');
  await page.evaluate(() => { document.getElementById('p').asOf = '2015-01-01'; });
  await page.waitForFunction(() => document.getElementById('p')._res.as_of === '2015-01-01');
  assert.equal(await page.evaluate(() => document.getElementById('p').getAttribute('as-of')), '2015-01-01');
  // controls="false", as a CMS template may write it, is off (HTML alone would read any value as on).
  await page.evaluate(() => document.getElementById('p').setAttribute('controls', 'false'));
  await page.waitForFunction(() => document.getElementById('p')._res.as_of === '2015-01-01');
  assert.deepEqual(await page.evaluate(() => { const el = document.getElementById('p'); return [el.controls, el.shadowRoot.querySelector('.controls').hidden]; }), [false, true]);
  // Any other value of a switch is on, as in HTML, and said once with the values that mean on and off.
  const switched = [];
  page.on('console', (m) => { if (m.type() === 'warning' && m.text().includes('read as on')) switched.push(m.text()); });
  await page.evaluate(() => document.getElementById('p').setAttribute('controls', 'maybe'));
  await page.waitForFunction(() => !document.getElementById('p').shadowRoot.querySelector('.controls').hidden);
  await page.evaluate(() => document.getElementById('p').setAttribute('controls', 'false'));
  await page.waitForFunction(() => document.getElementById('p').shadowRoot.querySelector('.controls').hidden);
  await page.evaluate(() => document.getElementById('p').setAttribute('controls', 'maybe'));
  await page.waitForFunction(() => !document.getElementById('p').shadowRoot.querySelector('.controls').hidden);
  await page.evaluate(() => document.getElementById('p').setAttribute('controls', 'controls'));
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.deepEqual(switched, ['<treaty-chart id="p">: controls="maybe" is read as on; write controls (or controls="true") to turn it on, controls="false" to leave it off.']);
  // The widget said so while the value was "maybe", and says nothing once it is a value that means on.
  assert.equal(await page.evaluate(() => document.getElementById('p').shadowRoot.querySelector('.tc-notice').hidden), true);
  await page.evaluate(() => { document.getElementById('p').controls = true; });
  await page.waitForFunction(() => !document.getElementById('p').shadowRoot.querySelector('.controls').hidden);
  assert.equal(await page.evaluate(() => document.getElementById('p').getAttribute('controls')), '');
  await page.evaluate(() => { document.getElementById('p').controls = false; });
  const detail = await page.evaluate(() => window.__api.render(document.getElementById('p'), { chart: 'timeline', asOf: '2008-09-26', width: 640 }));
  assert.deepEqual([detail.chart, detail.asOf, detail.width], ['timeline', '2008-09-26', 640]);
  const bad = await page.evaluate(() => window.__api.render(document.getElementById('p'), { asOf: '2019-02-30' }).then(() => 'resolved', (e) => e.message));
  assert.match(bad, /February 2019 has 28 days/);
  // Not a chart: a clear rejection (not a TypeError from inside the loader).
  const notChart = await page.evaluate(() => window.__api.render(document.body, { chart: 'map' }).then(() => 'resolved', (e) => e.message));
  assert.equal(notChart, 'render() takes a <treaty-chart> element (or one define() named), not a <body> element');
  // Another name for the same element.
  await page.evaluate(() => { window.__api.define('my-chart'); const el = document.createElement('my-chart'); el.id = 'm'; el.setAttribute('chart', 'status'); document.body.append(el); });
  await h.rendered(page, 'm');
  // A second copy of the loader (another URL, so another module): keeps the first element, warns once.
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate(() => import('./treaty-charts.js?copy=2').then((m) => { m.define(); m.define(); }));
  assert.equal(warnings.filter((w) => w.includes('already taken')).length, 1, warnings.join('\n'));
  assert.match(warnings.find((w) => w.includes('already taken')), /this copy \(.*\) keeps the first one/);
  assert.equal(errors.filter((e) => !e.includes('2019-02-30')).length, 0, errors.join('\n'));
  await context.close();
});
