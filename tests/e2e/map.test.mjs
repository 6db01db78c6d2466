// End-to-end: the world map in the element — geometry fetched once and only for maps, tooltips by mouse, touch
// (nearest small state) and keyboard, the screen-reader table, themes, and the pointer handler's cost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, SHOTS } from './browser.mjs';

let h;
before(async () => { h = await start(); });
after(() => h.stop());

// Counts requests for the geometry file on a page.
function watchWorld(page) {
  const seen = [];
  page.on('request', (r) => { if (r.url().endsWith('_world.bin')) seen.push(r.url()); });
  return seen;
}

// Page coordinates of a state's label point on the map with this id.
function pointOf(page, id, iso3) {
  return page.evaluate(([i, c]) => {
    const el = document.getElementById(i);
    const hit = el._hits.find((x) => x.key === c);
    const r = el._svg.getBoundingClientRect();
    const s = r.width / el._res.width;
    return [r.left + hit.at[0] * s, r.top + hit.at[1] * s, s];
  }, [id, iso3]);
}

test('two maps fetch the geometry once; a page without a map fetches none', async () => {
  const { page, errors, context } = await h.openHtml('<treaty-chart id="a" chart="map"></treaty-chart><treaty-chart id="b" chart="map" treaty="icrmw"></treaty-chart>',
    { width: 900, height: 900 }, '', async (ctx) => { ctx.__world = []; ctx.on('request', (r) => { if (r.url().endsWith('_world.bin')) ctx.__world.push(r.url()); }); });
  await h.rendered(page, 'a');
  assert.match(await h.rendered(page, 'b'), /Parties: 60/);
  assert.equal(context.__world.length, 1, context.__world.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
  const plain = await h.openHtml('<treaty-chart id="t"></treaty-chart>', { width: 900, height: 900 }, '', async (ctx) => {
    ctx.__world = []; ctx.on('request', (r) => { if (r.url().endsWith('_world.bin')) ctx.__world.push(r.url()); });
  });
  await h.rendered(plain.page, 't');
  assert.equal(plain.context.__world.length, 0);
  await plain.context.close();
});

test('hover names a state and outlines it; the keys walk the states; Esc hides', async () => {
  const { page, errors, context } = await h.openHtml('<treaty-chart id="m" chart="map"></treaty-chart>', { width: 1000, height: 900 });
  await h.rendered(page, 'm');
  const [x, y] = await pointOf(page, 'm', 'BRA');
  await page.mouse.move(x, y);
  const tip = page.locator('#m .tip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /^Brazil.*Palermo Protocol: party since 29\sJan\s2004 \(ratification; signed 12\sDec\s2000\)/);
  assert.equal(await page.evaluate(() => document.getElementById('m').shadowRoot.querySelectorAll('svg .hl').length), 1);
  // On Brazil's own outline (drawn over the marks) the pointer still reaches a state: the tooltip does not go
  // out and come back at every border it crosses.
  const edge = await page.evaluate(() => {
    const root = document.getElementById('m').shadowRoot;
    const hl = root.querySelector('svg .hl');
    const pt = hl.getPointAtLength(hl.getTotalLength() / 3).matrixTransform(hl.getScreenCTM());
    const under = root.elementFromPoint(pt.x, pt.y);
    return { x: pt.x, y: pt.y, hl: under?.classList.contains('hl'), hit: under?.hasAttribute('data-hit') };
  });
  assert.deepEqual([edge.hl, edge.hit], [false, true], JSON.stringify(edge));
  await page.mouse.move(edge.x, edge.y);
  assert.equal(await tip.isVisible(), true);
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: 'hidden' });

  await page.locator('#m .chart').focus();
  const label = await page.evaluate(() => document.getElementById('m').shadowRoot.querySelector('.chart').getAttribute('aria-label'));
  assert.match(label, /arrow keys to go from state to state/);
  await page.keyboard.press('Home');
  assert.match(await tip.textContent(), /^Cabo Verde/);
  await page.keyboard.press('ArrowRight');
  const second = await tip.textContent();
  assert.doesNotMatch(second, /^Cabo Verde/);
  await page.keyboard.press('End');
  const last = await page.evaluate(() => { const e = document.getElementById('m'); return e._linesOf(e._hits[e._walk[e._walk.length - 1]])[0]; });
  assert.equal((await tip.textContent()).startsWith(last), true);
  assert.match(await page.locator('#m .sr[aria-live]').textContent(), new RegExp(`^${last}`));
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  // The screen-reader alternative: every state in a table.
  assert.equal(await page.evaluate(() => document.getElementById('m').shadowRoot.querySelectorAll('.table tbody tr').length), 195);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tap beside a small island state takes the nearest one within 20 px', async () => {
  const phone = await h.browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
  await phone.route('**/__map.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><meta name=viewport content="width=device-width"><script type=module src="./treaty-charts.js"></script><body style="margin:0"><treaty-chart id="m" chart="map"></treaty-chart>' }));
  const p = await phone.newPage();
  await p.goto(`${h.base}/__map.html`);
  await h.rendered(p, 'm');
  // Seychelles: a dot in the Indian Ocean; tap 12 CSS px to its east, on open sea.
  const [x, y] = await pointOf(p, 'm', 'SYC');
  await p.touchscreen.tap(x + 12, y);
  const tip = p.locator('#m .tip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /^Seychelles/);
  await p.screenshot({ path: `${SHOTS}/map-tap-390.png` });
  await phone.close();
});

test('the loader\'s own text and the fallback follow the theme', async () => {
  const body = '<treaty-chart id="d" theme="dark"><a id="fb" href="#">Chart (static image)</a></treaty-chart>';
  const { page, context } = await h.openHtml(body, { width: 700, height: 600 }, '', (ctx) => ctx.route('**/*.wasm', (r) => r.abort()));
  await page.waitForFunction(() => document.getElementById('d').shadowRoot.querySelector('[role=alert]'));
  const colours = await page.evaluate(() => {
    const root = document.getElementById('d').shadowRoot;
    const bg = getComputedStyle(root.querySelector('figure')).backgroundColor;
    return [bg, getComputedStyle(document.getElementById('fb')).color, getComputedStyle(root.querySelector('.tc-error')).color];
  });
  const lum = (c) => {
    const [r, g, b] = c.match(/\d+/g).slice(0, 3).map((v) => { const x = Number(v) / 255; return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  console.log(`# dark theme: fallback link ${ratio(colours[1], colours[0]).toFixed(2)}:1 on ${colours[0]}`);
  assert.ok(ratio(colours[1], colours[0]) >= 4.5, `fallback ${colours[1]} on ${colours[0]}`);
  await context.close();
});

// Benchmark, printed only: main-thread time of the pointer handler over the map (no layout read per move).
test('pointer-move cost on the map (printed, not asserted)', async () => {
  const { page, context } = await h.openHtml('<treaty-chart id="m" chart="map"></treaty-chart>', { width: 1000, height: 900 });
  await h.rendered(page, 'm');
  const r = await page.evaluate(() => {
    const el = document.getElementById('m');
    const chart = el.shadowRoot.querySelector('.chart');
    const box = el._svg.getBoundingClientRect();
    const targets = [...el._svg.querySelectorAll('[data-hit]')];
    const t0 = performance.now();
    const n = 2000;
    for (let i = 0; i < n; i++) {
      const t = targets[(i * 7) % targets.length];
      const ev = new PointerEvent('pointermove', { bubbles: true, composed: true, pointerType: 'mouse', clientX: box.left + (i % 900), clientY: box.top + 200 });
      t.dispatchEvent(ev);
    }
    const changing = (performance.now() - t0) / n;
    const one = targets[10];
    const t1 = performance.now();
    for (let i = 0; i < n; i++) {
      one.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, pointerType: 'mouse', clientX: box.left + 300 + (i % 5), clientY: box.top + 200 }));
    }
    return { ms: changing, same: (performance.now() - t1) / n, shown: !el.shadowRoot.querySelector('.tip').hidden };
  });
  assert.ok(r.shown);
  console.log(`# map pointer-move handler in Chromium: ${(r.same * 1000).toFixed(1)} µs per move within one state, ${(r.ms * 1000).toFixed(1)} µs when every move enters another state (new tooltip, outline, placement; 2000 moves each)`);
  const t = await page.evaluate(() => {
    const el = document.getElementById('m');
    const ms = [];
    for (let i = 0; i < 20; i++) { const t0 = performance.now(); el._drawn = null; el._render(); ms.push(performance.now() - t0); }
    ms.sort((a, b) => a - b);
    return [ms[10], ms[18]];
  });
  console.log(`# render map at 984 px in Chromium: median ${t[0].toFixed(1)} ms, p90 ${t[1].toFixed(1)} ms (20 runs)`);
  await context.close();
});
