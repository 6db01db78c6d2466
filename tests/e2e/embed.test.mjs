// End-to-end: the embed under the conditions of real host pages — hostile CSS, right-to-left pages, flex
// layouts, fixed widths, attributes changed by script, resizes, and hostile iframe addresses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, SHOTS, iframeHeights, META, optionsOf } from './browser.mjs';

let h;
before(async () => { h = await start(); });
after(() => h.stop());

// Text runs of a chart that spill outside its SVG, as the browser lays them out.
function spilled(page, id) {
  return page.evaluate((i) => {
    const svg = document.getElementById(i).shadowRoot.querySelector('svg');
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
    }).map((t) => t.textContent.slice(0, 40));
  }, id);
}

test('a right-to-left page with letter-spacing, word-spacing and upper case does not reach the chart', async () => {
  const css = 'body { letter-spacing: 3px; word-spacing: 12px; text-transform: uppercase; font-style: italic; line-height: 3; color: red }';
  const { page, errors, context } = await h.openHtml(
    `<style>${css}</style><div style="width: 640px"><treaty-chart id="t" chart="timeline"></treaty-chart>` +
    '<treaty-chart id="s" chart="status" as-of="2020-08-03"></treaty-chart></div>', { width: 900, height: 900 }, 'dir="rtl"');
  for (const id of ['t', 's']) {
    await h.rendered(page, id);
    assert.deepEqual(await spilled(page, id), [], `${id}: text outside the chart`);
    const style = await page.evaluate((i) => {
      const cs = getComputedStyle(document.getElementById(i).shadowRoot.querySelector('svg text'));
      return [cs.direction, cs.letterSpacing, cs.wordSpacing, cs.textTransform, cs.fontStyle];
    }, id);
    assert.deepEqual(style, ['ltr', 'normal', '0px', 'none', 'normal'], id);
  }
  await page.screenshot({ path: `${SHOTS}/rtl-hostile.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a fixed width is drawn at that width and only ever scaled down', async () => {
  const { page, context } = await h.openHtml(
    '<div style="width: 700px"><treaty-chart id="narrow" width="375"></treaty-chart></div>' +
    '<div style="width: 700px"><treaty-chart id="wide" chart="status" width="1200"></treaty-chart></div>');
  await h.rendered(page, 'narrow');
  await h.rendered(page, 'wide');
  const size = (id) => page.evaluate((i) => {
    const r = document.getElementById(i).shadowRoot.querySelector('svg').getBoundingClientRect();
    return [Math.round(r.width), Math.round(r.height)];
  }, id);
  const [nw] = await size('narrow');
  assert.equal(nw, 375, 'not stretched to the 700 px column');
  const [ww, wh] = await size('wide');
  assert.equal(ww, 700, 'scaled down to the column');
  const drawnH = await page.evaluate(() => document.getElementById('wide')._res.height);
  assert.ok(Math.abs(wh - drawnH * 700 / 1200) < 2, `height ${wh} vs ${drawnH} × 700/1200`);
  await context.close();
});

test('in a flex row the chart takes the row, not its minimum width', async () => {
  const { page, context } = await h.openHtml('<div style="display:flex; width: 720px"><treaty-chart id="f" chart="status"></treaty-chart></div>');
  await h.rendered(page, 'f');
  const w = await page.evaluate(() => document.getElementById('f')._res.width);
  assert.equal(w, 720);
  await context.close();
});

test('a bad option is reported once, whatever the resizes; a typo added by script shows its error', async () => {
  const { page, errors, context } = await h.openHtml(
    '<treaty-chart id="w" width="abc"></treaty-chart><treaty-chart id="k" chart="pie"></treaty-chart>' +
    '<treaty-chart id="ok" chart="status"></treaty-chart>', { width: 1000, height: 900 });
  assert.match(await h.rendered(page, 'w'), /Invalid width “abc”. Use a whole number of pixels from 280 to 2400/);
  assert.match(await h.rendered(page, 'k'), /Invalid chart “pie”/);
  await h.rendered(page, 'ok');
  for (const width of [800, 600, 420]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
  }
  assert.equal(errors.length, 2, errors.join('\n'));
  // The working chart followed the viewport.
  assert.equal(await page.evaluate(() => document.getElementById('ok')._res.width), 420 - 16);

  // An attribute that is not an option, added later, is reported; removing it redraws the chart.
  await page.evaluate(() => document.getElementById('ok').setAttribute('as_of', '2020-01-01'));
  await page.waitForFunction(() => document.getElementById('ok').shadowRoot.querySelector('[role=alert]'));
  assert.ok((await h.rendered(page, 'ok')).includes(`Unknown option “as_of”. Did you mean as-of? Valid options: ${optionsOf('status')}, ${META.attributes.join(', ')}.`));
  await page.evaluate(() => document.getElementById('ok').removeAttribute('as_of'));
  await page.waitForFunction(() => document.getElementById('ok').shadowRoot.querySelector('.chart svg'));
  // Global HTML attributes are not options and are not errors.
  await page.evaluate(() => { const el = document.getElementById('ok'); el.setAttribute('itemprop', 'image'); el.setAttribute('accesskey', 'c'); });
  await page.waitForTimeout(100);
  assert.ok(await page.evaluate(() => document.getElementById('ok').shadowRoot.querySelector('.chart svg')));
  assert.equal(errors.length, 3, errors.join('\n'));
  await context.close();
});

test('a rendered chart is drawn once on load, not again when its height settles', async () => {
  // A classic script runs before the (deferred) loader module, so no render is missed.
  const { page, context } = await h.openHtml('<treaty-chart id="a" width="640"></treaty-chart><treaty-chart id="b"></treaty-chart>' +
    '<script>window.__renders = { a: 0, b: 0 }; for (const id of ["a", "b"]) document.getElementById(id)' +
    '.addEventListener("treaty-chart-rendered", () => { window.__renders[id] += 1; });</script>');
  await h.rendered(page, 'a');
  await h.rendered(page, 'b');
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__renders), { a: 1, b: 1 });
  await context.close();
});

test('the iframe page takes only chart options from its address', async () => {
  for (const [query, message] of [
    ['chart=status&onclick=alert(1)', new RegExp(`Unknown parameter “onclick” in the embed address. Valid parameters: ${META.options.join(', ')}, controls, eager\\.`)],
    ['style=content-visibility:auto&oncontentvisibilityautostatechange=document.title%3D1', /Unknown parameter “style”/],
    ['chart=status&chart=timeline', /The parameter “chart” is given more than once/],
    ['hidden', /Unknown parameter “hidden”/],
  ]) {
    const { page, errors, context } = await h.open(`/embed.html?${query}`, { width: 600, height: 600 });
    await page.waitForSelector('[role=alert]');
    const text = await page.locator('[role=alert]').textContent();
    assert.match(text, message, query);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[onclick],[style],[oncontentvisibilityautostatechange]').length), 0);
    assert.notEqual(await page.title(), '1');
    assert.equal(errors.length, 1, `${query}: ${errors.join('\n')}`);
    await context.close();
  }
});

test('where the script cannot run, the content inside the element shows instead', async () => {
  const body = '<treaty-chart id="c"><a id="fb" href="static/timeline-latest-640.svg">Chart (static image)</a></treaty-chart>';
  const blocked = await h.openHtml(body, undefined, '', (ctx) => ctx.route('**/treaty-charts.js', (r) => r.abort()));
  await blocked.page.waitForTimeout(300);
  assert.ok(await blocked.page.locator('#fb').isVisible(), 'fallback link visible without the loader');
  await blocked.context.close();
  const ok = await h.openHtml(body);
  await h.rendered(ok.page, 'c');
  assert.equal(await ok.page.locator('#fb').isVisible(), false, 'hidden once the chart runs');
  await ok.context.close();
});

test('when the .wasm cannot load, readers get a plain sentence and the fallback; the console one line per reason', async () => {
  const body = '<treaty-chart id="a"><a id="fa" href="static/timeline-latest-640.svg">Chart (static image)</a></treaty-chart>' +
    '<treaty-chart id="b" chart="status"></treaty-chart><treaty-chart id="c"></treaty-chart>';
  const listen = '<script>window.__failed = 0; addEventListener("treaty-chart-error", () => { window.__failed += 1; });</script>';
  const { page, errors, context } = await h.openHtml(body + listen, undefined, '', (ctx) => ctx.route('**/*.wasm', (r) => r.abort()));
  await page.waitForFunction(() => ['a', 'b', 'c'].every((i) => document.getElementById(i).shadowRoot.querySelector('[role=alert]')));
  assert.equal(await page.evaluate(() => window.__failed), 3, 'each chart fires treaty-chart-error');
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('[role=alert]').textContent), 'This chart could not be loaded.');
  assert.ok(await page.locator('#fa').isVisible(), 'the fallback link shows');
  // Two timelines and a status chart, both modules refused the same way: one line (not one per chart or file).
  const own = errors.filter((e) => e.startsWith('<treaty-chart>'));
  assert.equal(own.length, 1, errors.join('\n'));
  assert.match(own[0], /could not be loaded from .*treaty_charts_(timeline|status)_bg\.wasm/);
  await context.close();
});

test('a missing language file draws the chart in English with one warning; a failed module is fetched again', async () => {
  let blockWasm = true;
  const warnings = [];
  const { page, errors, context } = await h.openHtml(
    '<treaty-chart id="fr" chart="status" lang="fr"></treaty-chart><treaty-chart id="t" chart="timeline"></treaty-chart>',
    undefined, '', async (ctx) => {
      ctx.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); }); // from the first line
      await ctx.route('**/treaty_charts_fr.json', (r) => r.fulfill({ status: 404, body: 'not here' }));
      await ctx.route('**/treaty_charts_timeline_bg.wasm', (r) => (blockWasm ? r.abort() : r.continue()));
    });
  assert.match(await h.rendered(page, 'fr'), /What this measures/);
  assert.equal(warnings.filter((w) => w.includes('the fr messages could not be loaded')).length, 1, warnings.join('\n'));
  await page.waitForFunction(() => document.getElementById('t').shadowRoot.querySelector('[role=alert]'));
  // The flaky link recovers: a change to the chart's options fetches its module again, and it draws.
  blockWasm = false;
  await page.evaluate(() => document.getElementById('t').setAttribute('as-of', '2020-08-03'));
  await page.waitForFunction(() => document.getElementById('t')._res?.ok);
  assert.equal(await page.evaluate(() => document.getElementById('t')._res.as_of), '2020-08-03');
  assert.equal(errors.filter((e) => e.startsWith('<treaty-chart>')).length, 1, errors.join('\n'));
  await context.close();
});

test('the bare country iframe page shows its example state; the iframe page takes the chart\'s language', async () => {
  const { page, errors, context } = await h.open('/embed-country.html');
  const text = await h.rendered(page, 'chart');
  assert.match(text, /Philippines/);
  assert.deepEqual(errors, []);
  await page.goto(`${h.base}/embed-map.html?lang=fr-CA&treaty=icrmw`);
  await h.rendered(page, 'chart');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  // The page's title is the chart's own headline, in its language (what the SVG is labelled by) ...
  const titles = () => page.evaluate(() => {
    const root = document.getElementById('chart').shadowRoot;
    return [document.title, root.getElementById(root.querySelector('svg').getAttribute('aria-labelledby')).textContent];
  });
  let [title, headline] = await titles();
  assert.equal(title, headline);
  assert.match(title, /Convention sur les travailleurs migrants/);
  // ... also when the address asks one chart's page for another chart.
  await page.goto(`${h.base}/embed-timeline.html?chart=status`);
  await h.rendered(page, 'chart');
  [title, headline] = await titles();
  assert.equal(title, headline);
  assert.match(title, /stand/i);
  // A country card's headline is only the state's name: its page's title says what the card is about.
  await page.goto(`${h.base}/embed-country.html?country=NPL&lang=es`);
  await h.rendered(page, 'chart');
  [title, headline] = await titles();
  assert.equal(title, headline);
  assert.equal(title, 'Nepal: su situación ante el Protocolo de Palermo y la Convención sobre los Trabajadores Migratorios');
  await context.close();
});

test('without JavaScript an iframe page shows its static image at the frame\'s width, saying which date and language it is', async () => {
  for (const [width, file] of [[375, 'map-latest-375.svg'], [1280, 'map-latest-1200.svg']]) {
    const { page, context } = await h.open('/embed-map.html?as-of=2020-08-03&lang=fr', { width, height: 900 }, { javaScriptEnabled: false });
    const img = page.locator('noscript img, img').first();
    await page.waitForFunction(() => document.querySelector('img')?.complete);
    assert.ok((await img.evaluate((i) => i.currentSrc)).endsWith(`/static/${file}`), `${width} px`);
    // The newest date of the data (meta.json), written as the charts write dates in English.
    const [y, m, d] = META.newest.split('-').map(Number);
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
    assert.equal(await page.locator('.nojs').textContent(),
      `Static image of the newest data (${d} ${month} ${y}), in English; the chart this address asks for, with its date and language, needs JavaScript.`);
    await context.close();
  }
  // The country card's image is its example state's: the caption names it.
  const { page, context } = await h.open('/embed-country.html?country=MEX&lang=es', { width: 375, height: 900 }, { javaScriptEnabled: false });
  assert.match(await page.locator('.nojs').textContent(), /^Static image of the newest data \(.+\), in English, for Philippines; /);
  await context.close();
});

test('a hidden chart reports a wrong option at once, and draws when shown', async () => {
  const { page, errors, context } = await h.openHtml(
    '<div id="box" style="display:none"><treaty-chart id="bad" as-off="2020-01-01"></treaty-chart><treaty-chart id="good" chart="status"></treaty-chart></div>');
  await page.waitForFunction(() => document.getElementById('bad').shadowRoot.querySelector('[role=alert]'));
  assert.deepEqual(errors, [`<treaty-chart id="bad">: Unknown option “as-off”. Did you mean as-of? Valid options: ${optionsOf(META.charts[0].name)}, ${META.attributes.join(', ')}.`]);
  assert.equal(await page.evaluate(() => document.getElementById('good').shadowRoot.querySelector('svg')), null, 'nothing drawn while hidden');
  await page.evaluate(() => { document.getElementById('box').style.display = 'block'; });
  await h.rendered(page, 'good');
  assert.equal(await page.evaluate(() => document.getElementById('good')._res.width), 1000 - 16); // body margins
  assert.equal(errors.length, 1);
  await context.close();
});

test('in a centred flex column the chart takes the column width', async () => {
  const { page, context } = await h.openHtml(
    '<div style="display:flex; flex-direction:column; align-items:center; width: 800px"><treaty-chart id="f" chart="status"></treaty-chart></div>');
  await h.rendered(page, 'f');
  assert.equal(await page.evaluate(() => document.getElementById('f')._res.width), 800);
  await context.close();
});

test('on a phone the tooltip never covers the points it describes', async () => {
  const { page, context } = await h.open('/embed.html?chart=timeline', { width: 375, height: 900 }, { hasTouch: true, isMobile: true });
  await h.rendered(page, 'chart');
  const box = await page.locator('#chart svg.treaty-chart').boundingBox();
  const plot = await page.evaluate(() => document.getElementById('chart')._res.plot);
  const scale = box.width / (await page.evaluate(() => document.getElementById('chart')._res.width));
  let checked = 0;
  for (const f of [0.15, 0.35, 0.5, 0.62, 0.75, 0.9]) {
    await page.touchscreen.tap(box.x + (plot.x + plot.w * f) * scale, box.y + (plot.y + plot.h * 0.5) * scale);
    const r = await page.evaluate(() => {
      const el = document.getElementById('chart');
      const tip = el.shadowRoot.querySelector('.tip').getBoundingClientRect();
      const dots = [...el.shadowRoot.querySelectorAll('.tc-focus circle')].filter((c) => c.getAttribute('visibility') === 'visible')
        .map((c) => c.getBoundingClientRect()).map((d) => [d.x + d.width / 2, d.y + d.height / 2]);
      return { tip: [tip.left, tip.top, tip.right, tip.bottom], dots };
    });
    for (const [dx, dy] of r.dots) {
      const inside = dx > r.tip[0] && dx < r.tip[2] && dy > r.tip[1] && dy < r.tip[3];
      assert.ok(!inside, `tap at ${f}: dot (${dx}, ${dy}) under the tooltip ${r.tip}`);
      checked += 1;
    }
  }
  assert.ok(checked >= 6, `${checked} dots checked`);
  await context.close();
});

test('printing hides the focus marks and the tooltip; the focusable chart is a named group', async () => {
  const { page, context } = await h.open('/embed.html?chart=timeline', { width: 800, height: 900 });
  await h.rendered(page, 'chart');
  await page.locator('#chart .chart').focus();
  await page.keyboard.press('End');
  const role = await page.evaluate(() => {
    const c = document.getElementById('chart').shadowRoot.querySelector('.chart');
    return [c.getAttribute('role'), c.getAttribute('aria-roledescription'), c.getAttribute('aria-label')];
  });
  assert.deepEqual(role.slice(0, 2), ['group', 'interactive chart']);
  assert.match(role[2], /arrow keys/);
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => {
    const root = document.getElementById('chart').shadowRoot;
    return [getComputedStyle(root.querySelector('.tc-focus')).display, getComputedStyle(root.querySelector('.tip')).display];
  });
  assert.deepEqual(shown, ['none', 'none']);
  // A reader in dark mode prints light colours (on paper, dark text on white), the chart's theme="dark" too.
  const ink = META.themes.light.match(/--tc-ink:(#[0-9a-f]{6})/)[1];
  const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(ink.slice(i, i + 2), 16)).join(', ')})`;
  const colours = () => page.evaluate(() => {
    const root = document.getElementById('chart').shadowRoot;
    return [getComputedStyle(root.querySelector('svg text')).fill, getComputedStyle(root.querySelector('.about')).color];
  });
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  assert.deepEqual(await colours(), [rgb, rgb], 'auto, dark reader, printed');
  await page.evaluate(() => document.getElementById('chart').setAttribute('theme', 'dark'));
  await page.waitForFunction(() => document.getElementById('chart')._res?.css.includes('@media print'));
  assert.deepEqual(await colours(), [rgb, rgb], 'theme="dark", printed');
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  assert.notDeepEqual(await colours(), [rgb, rgb], 'theme="dark" on screen');
  await context.close();
});

test('an iframe with a fixed-width chart posts its new height when resized', async () => {
  const { page, context } = await h.open('/', { width: 1200, height: 800 });
  const heights = await iframeHeights(page, { src: 'embed.html?chart=status&width=1200', style: 'width:744px;height:900px;border:0', widen: '1000px' });
  console.log(`# fixed 1200 px status in a 744 px iframe: ${heights[0]} px; at 1000 px: ${heights[1]} px`);
  assert.ok(heights[1] > heights[0], `${heights}`);
  await context.close();
});

test('padding on the element is room around the chart, not part of its width', async () => {
  const { page, context } = await h.openHtml('<div style="width: 640px"><treaty-chart id="p" chart="status" style="padding: 0 20px"></treaty-chart></div>');
  await h.rendered(page, 'p');
  assert.equal(await page.evaluate(() => document.getElementById('p')._res.width), 600);
  const shown = await page.evaluate(() => document.getElementById('p').shadowRoot.querySelector('svg').getBoundingClientRect().width);
  assert.equal(Math.round(shown), 600, 'drawn at the width it is shown');
  await context.close();
});

test('the iframe page ignores tracking parameters and reads an HTML-escaped &amp;', async () => {
  const { page, errors, context } = await h.open('/embed.html?chart=status&amp;as-of=2014-04-08&utm_source=x&fbclid=y&v=3', { width: 600, height: 900 });
  assert.match(await h.rendered(page, 'chart'), /47\sparties\s*18\ssigned only\s*130\sneither/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the iframe page reads options written after # as if after ?, and says so once; a plain anchor is no option', async () => {
  const { page, errors, context } = await h.open('/embed.html#chart=status&as-of=2014-04-08', { width: 600, height: 900 });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.reload();
  // data/treaty_actions.csv: on 8 Apr 2014 the Migrant Workers Convention had 47 parties.
  assert.match(await h.rendered(page, 'chart'), /47\sparties\s*18\ssigned only\s*130\sneither/);
  assert.deepEqual(warnings.filter((w) => w.includes('#')), ['<treaty-chart> embed: the options after “#” are read as if after “?”; write embed.html?chart=status&as-of=2014-04-08.']);
  await page.goto(page.url().replace(/#.*/, '?chart=status#top'));
  assert.match(await h.rendered(page, 'chart'), /Where the 195 UN member and observer states stand/);
  assert.equal(warnings.filter((w) => w.includes('ignored')).length, 0, 'a plain anchor is no option');
  // Options after "?" and after "#": the "#" part is ignored, and the warning says where to write it.
  await page.goto(page.url().replace(/\?.*/, '?chart=status&lang=en#as-of=2014-04-08'));
  assert.match(await h.rendered(page, 'chart'), /Where the 195 UN member and observer states stand/);
  assert.ok(warnings.includes('<treaty-chart> embed: the options after “#” are ignored when the address has a “?” part; write them after it, joined by “&”: embed.html?chart=status&lang=en&as-of=2014-04-08.'), warnings.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the height reserved before the module arrives knows full notes, one treaty, a highlight and the slider', { timeout: 90000 }, async () => {
  const cases = ['chart="timeline" notes="full"', 'chart="status" notes="full" lang="fr"', 'chart="map" treaty="icrmw"', 'chart="map" treaty="palermo" lang="es"',
    'chart="status" highlight="PHL"', 'chart="regions" highlight="MEX"', 'chart="country" country="USA"', 'chart="timeline" controls', 'chart="status" controls lang="es"',
    'chart="regions" highlight="FRA,DEU,BEL,NLD,LUX,CHE,AUT,ITA"', 'chart="status" highlight="AUS PHL MEX CAN BRA IND"',
    // Inside a year, on a day whose note is gone by December (Nepal's range of dates, closed on 9 Oct 2020).
    'chart="status" as-of="2020-08-03"', 'chart="timeline" as-of="2003-03-01" lang="fr"'];
  for (const width of [320, 375, 1280]) {
    const body = `<div style="width:${width - 16}px">` + cases.map((c, i) => `<treaty-chart id="v${i}" ${c} eager></treaty-chart>`).join('') + '</div>';
    const { page, errors, context } = await h.openHtml(body, { width, height: 900 });
    await page.waitForFunction((n) => [...Array(n).keys()].every((i) => document.getElementById(`v${i}`)._res), cases.length, { timeout: 60000 });
    const rows = await page.evaluate((n) => [...Array(n).keys()].map((i) => {
      const el = document.getElementById(`v${i}`);
      return [el._reserved, Math.round(el.getBoundingClientRect().height)];
    }), cases.length);
    // The loader's registry has the heights of meta.json (it is shipped as differences and added up again).
    if (width === 320) {
      const heights = await page.evaluate(async () => (await import('./treaty-charts.js')).registry.charts.map((c) => c.heights));
      assert.deepEqual(heights, META.charts.map((c) => c.heights));
    }
    rows.forEach(([reserved, drawn], i) => {
      console.log(`# ${cases[i]} at ${width - 16}px: reserved ${reserved}px, drawn ${drawn}px`);
      // Each correction is measured at three widths and interpolated (full notes wrap line by line in between).
      assert.ok(Math.abs(reserved - drawn) <= 24, `${cases[i]} at ${width - 16}px: reserved ${reserved}, drawn ${drawn}`);
    });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('two different load failures on one page each get their console line', async () => {
  const { page, errors, context } = await h.openHtml('<treaty-chart id="t" chart="timeline"></treaty-chart><treaty-chart id="m" chart="map"></treaty-chart>' +
    // Each element's error events, counted from the start.
    '<script>window.__fails = {}; addEventListener("treaty-chart-error", (e) => { window.__fails[e.target.id] = (window.__fails[e.target.id] ?? 0) + 1; });</script>',
    undefined, '', async (ctx) => {
      await ctx.route('**/treaty_charts_timeline_bg.wasm', (r) => r.abort());
      await ctx.route('**/treaty_charts_world.bin', (r) => r.fulfill({ contentType: 'application/octet-stream', body: 'not a world' }));
    });
  await page.waitForFunction(() => ['t', 'm'].every((i) => document.getElementById(i).shadowRoot.querySelector('[role=alert]')));
  const own = errors.filter((e) => e.startsWith('<treaty-chart>')).sort();
  assert.equal(own.length, 2, errors.join('\n'));
  assert.match(own[0], /the chart module could not be loaded from .*treaty_charts_timeline_bg\.wasm/);
  assert.match(own[1], /the map's outlines could not be loaded from .*treaty_charts_world\.bin: .*bad magic bytes/);
  // One error event each, also after a resize makes the map try again.
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction(() => document.getElementById('m')._width < 700);
  // (The retry fails at once, on the same damaged file: two frames see it through.)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await page.evaluate(() => window.__fails), { t: 1, m: 1 });
  await context.close();
});

test('printing draws every chart, a map far below the fold included (its outlines come with its module)', async () => {
  const { page, errors, context } = await h.openHtml(
    '<treaty-chart id="near" chart="status"></treaty-chart><div style="height:6000px"></div><treaty-chart id="far" chart="map" treaty="icrmw"></treaty-chart>');
  await h.rendered(page, 'near');
  await page.waitForLoadState('networkidle');
  assert.equal(await page.evaluate(() => Boolean(document.getElementById('far').shadowRoot.querySelector('svg'))), false, 'not drawn while far');
  // The browser fires beforeprint and prints at once: the map must be drawn within that event.
  const drawn = await page.evaluate(() => {
    dispatchEvent(new Event('beforeprint'));
    return document.getElementById('far').shadowRoot.querySelector('svg')?.textContent ?? '';
  });
  assert.match(drawn, /Migrant Workers Convention/);
  assert.match(drawn, /Parties: \d+/);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('focus shows the first mark and → the next; a count drawn in its bar has the bar\'s tooltip', async () => {
  const { page, errors, context } = await h.openHtml('<treaty-chart id="s" chart="status" width="640"></treaty-chart>');
  await h.rendered(page, 's');
  const tip = () => page.evaluate(() => { const t = document.getElementById('s').shadowRoot.querySelector('.tip'); return t.hidden ? '' : t.textContent; });
  await page.evaluate(() => document.getElementById('s').shadowRoot.querySelector('.chart').focus());
  // data/treaty_actions.csv: 180 of the 195 states are Palermo parties on the newest date (the EU is not a state).
  assert.match(await tip(), /^Palermo Protocol180\sparties/);
  await page.keyboard.press('ArrowRight');
  assert.match(await tip(), /2\ssigned only/);
  await page.keyboard.press('Escape');
  // The pointer over the count "180" drawn inside its bar gets that bar's tooltip.
  const at = await page.evaluate(() => {
    const root = document.getElementById('s').shadowRoot;
    const label = [...root.querySelectorAll('svg text')].find((t) => t.textContent === '180');
    const r = label.getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  });
  await page.mouse.move(at[0], at[1]);
  await page.waitForFunction(() => !document.getElementById('s').shadowRoot.querySelector('.tip').hidden);
  assert.match(await tip(), /^Palermo Protocol180\sparties/);
  // A click on the notes focuses the chart but opens no tooltip over them; the keys still walk from the first mark.
  await page.evaluate(() => document.getElementById('s').shadowRoot.querySelector('.chart').blur());
  const notes = await page.evaluate(() => {
    const root = document.getElementById('s').shadowRoot;
    const r = [...root.querySelectorAll('svg text')].find((t) => t.textContent.startsWith('What it leaves out')).getBoundingClientRect();
    return [r.x + 5, r.y + r.height / 2];
  });
  await page.mouse.click(notes[0], notes[1]);
  assert.equal(await page.evaluate(() => document.getElementById('s').shadowRoot.activeElement?.classList.contains('chart')), true);
  assert.equal(await tip(), '');
  await page.keyboard.press('ArrowRight');
  assert.match(await tip(), /2\ssigned only/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the arrow keys move the tooltip from the chart, not from its CSV link', async () => {
  const { page, errors, context } = await h.openHtml('<treaty-chart id="c" chart="coverage" lang="es"></treaty-chart>');
  await h.rendered(page, 'c');
  const tip = () => page.evaluate(() => !document.getElementById('c').shadowRoot.querySelector('.tip').hidden);
  await page.evaluate(() => document.getElementById('c').shadowRoot.querySelector('.tc-csv').closest('a').focus());
  for (const key of ['ArrowRight', 'ArrowDown', 'End']) await page.keyboard.press(key);
  assert.equal(await tip(), false, 'no tooltip while the link has focus');
  // The chart's group itself still walks its marks.
  await page.evaluate(() => document.getElementById('c').shadowRoot.querySelector('.chart').focus());
  await page.keyboard.press('ArrowRight');
  assert.equal(await tip(), true);
  assert.deepEqual(errors, []);
  await context.close();
});
