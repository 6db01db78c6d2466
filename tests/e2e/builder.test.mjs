// End-to-end: the builder page as a journalist uses it. Choices in its address, the preview, snippets made from the
// page's own address that draw the same chart when pasted into a host page (script tag; iframe with its one-line
// resizer), the copy buttons, and the downloads (SVG, PNG at 1× and 2×, CSV) with a headline in Turkish and
// typographic punctuation — at 375 and 1280 px, each screenshotted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, SHOTS, META, iframeHeights } from './browser.mjs';

let h;
before(async () => { h = await start(); });
after(() => h.stop());

// ICRMW parties in the data on its newest date: ratification or accession with a date.
const icrmwParties = readFileSync('data/treaty_actions.csv', 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split(',')).filter((c) => c[0] === 'icrmw' && c[4] !== '').length;
const HEADLINE = 'Göç: Türkiye’s lone “yes” – 60 of 195 & <counting>';

async function builder(query, width) {
  const { page, errors, context } = await h.open(`/builder.html${query}`, { width, height: 900 });
  await page.waitForFunction(() => window.__builderReady && document.getElementById('preview')._res, null, { timeout: 20000 });
  return { page, errors, context };
}

// PNG width and height from its IHDR chunk.
const pngSize = (buf) => [buf.readUInt32BE(16), buf.readUInt32BE(20)];

for (const width of [375, 1280]) {
  test(`builder at ${width} px: the address's choices, and snippets that draw the same chart elsewhere`, { timeout: 60000 }, async () => {
    const { page, errors, context } = await builder('?chart=map&treaty=icrmw&lang=fr', width);
    assert.equal(await page.locator('#chart').inputValue(), 'map');
    assert.equal(await page.locator('#treaty').inputValue(), 'icrmw');
    const preview = await page.evaluate(() => document.getElementById('preview').shadowRoot.querySelector('.chart svg').textContent);
    // French: "Parties : 60" with a no-break space before the colon.
    assert.match(preview, new RegExp(`Parties\\s:\\s${icrmwParties}(?!\\d)`));
    await page.screenshot({ path: `${SHOTS}/builder-${width}.png`, fullPage: true });

    const origin = h.base;
    const script = await page.locator('#code-script').inputValue();
    // The map's module, outlines and French messages are preloaded beside the loader.
    assert.ok(script.startsWith(`<link rel="preload" href="${origin}/treaty_charts_map_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n` +
      `<link rel="preload" href="${origin}/treaty_charts_world.bin" as="fetch" crossorigin>\n` +
      `<link rel="preload" href="${origin}/treaty_charts_fr.json" as="fetch" crossorigin>\n` +
      `<script type="module" src="${origin}/treaty-charts.js"></script>\n<treaty-chart chart="map" treaty="icrmw" lang="fr">`), script);
    // The iframe's title is the chart's own headline: a one-treaty map in French has its own.
    const headline = await page.evaluate(() => document.getElementById('preview')._res.title);
    assert.match(headline, /^Convention sur les travailleurs migrants/);
    await page.waitForFunction((t) => document.getElementById('code-iframe').value.includes(`title="${t}"`), headline);
    const iframe = await page.locator('#code-iframe').inputValue();
    assert.match(iframe, new RegExp(`^<iframe src="${origin}/embed-map\\.html\\?treaty=icrmw&amp;lang=fr" title="[^"]+" style="width:100%;height:\\d+px;border:0" loading="lazy"></iframe>\\n<script>`));
    // oEmbed's files are static: the address is the chart's page, which a CMS embeds in its default view.
    assert.equal(await page.locator('#code-url').inputValue(), `${origin}/embed-map.html`);
    // The fallback without JavaScript is these choices, not the chart's default image.
    assert.match(script, new RegExp(`<a href="${origin}/embed-map\\.html\\?treaty=icrmw&amp;lang=fr">`));
    // The page's address keeps the choices, to share them.
    assert.match(page.url(), /\?chart=map&treaty=icrmw&lang=fr$/);

    // Copy: the clipboard gets exactly the snippet.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.locator('[data-copy=code-iframe]').click();
    await page.locator('#copy-status').filter({ hasText: 'Copied.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), iframe);

    // Pasted into a host page: the element draws the same map, and the iframe takes its chart's height.
    const host = await context.newPage();
    await context.route('**/__paste.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body style="margin:0;width:${width}px">${script.replace('<treaty-chart', '<treaty-chart id="pasted"')}${iframe}</body></html>` }));
    await host.goto(`${origin}/__paste.html`);
    await host.waitForFunction(() => document.getElementById('pasted')?._res, null, { timeout: 20000 });
    const pasted = await host.evaluate(() => document.getElementById('pasted').shadowRoot.querySelector('.chart svg').textContent);
    // The same chart (its description is the same sentence; wrapping differs with the width).
    const description = (s) => /quels États y sont parties\s\?[^]*?Natural Earth\./.exec(s)?.[0];
    assert.ok(description(preview));
    assert.equal(description(pasted), description(preview));
    const frame = host.locator('iframe');
    await host.waitForFunction(() => {
      const f = document.querySelector('iframe');
      const d = f.contentDocument;
      return d?.getElementById('chart')?._res && Math.abs(f.getBoundingClientRect().height - d.documentElement.getBoundingClientRect().height) <= 1;
    }, null, { timeout: 20000 });
    assert.ok((await frame.boundingBox()).height > 300);
    // Each preloaded file is downloaded once by the host page: the preload serves the loader's own request.
    const fetched = await host.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /_bg\.wasm|world\.bin|_fr\.json/.test(p)).sort());
    assert.deepEqual(fetched, ['/treaty_charts_fr.json', '/treaty_charts_map_bg.wasm', '/treaty_charts_world.bin']);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('downloads: SVG, PNG 1× and 2×, CSV — named by chart, date and language, with the headline intact', { timeout: 60000 }, async () => {
  const { page, errors, context } = await builder('?chart=map&treaty=icrmw&as-of=2020-08-03&lang=es', 1280);
  // Wait for the drawing with the new headline (the listener goes on before the typing).
  await page.evaluate(() => { window.__drawn = new Promise((r) => document.getElementById('preview').addEventListener('treaty-chart-rendered', r, { once: true })); });
  await page.locator('#title').fill(HEADLINE);
  await page.evaluate(() => window.__drawn);
  const download = async (kind) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-download=${kind}]`).click()]);
    return { name: d.suggestedFilename(), body: readFileSync(await d.path()) };
  };
  const stem = 'treaty-charts-map-icrmw-2020-08-03-es';

  const svg = await download('svg');
  assert.equal(svg.name, `${stem}.svg`);
  const text = svg.body.toString('utf8');
  assert.ok(text.startsWith('<svg') || text.startsWith('<?xml'), text.slice(0, 40));
  // The headline escaped once, never as markup; the file parses as XML.
  assert.ok(text.includes('Göç: Türkiye’s lone “yes” – 60 of 195 &amp; &lt;counting&gt;'), 'escaped headline');
  assert.equal(await page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror'), text), null);
  const [svgW] = [Number(/width="(\d+)"/.exec(text)[1])];
  assert.equal(svgW, 640);

  const png1 = await download('png1');
  const png2 = await download('png2');
  assert.equal(png1.name, `${stem}.png`);
  assert.equal(png2.name, `${stem}@2x.png`);
  const [w1, h1] = pngSize(png1.body);
  const [w2, h2] = pngSize(png2.body);
  assert.equal(w1, 640);
  assert.equal(w2, 1280);
  assert.equal(h2, h1 * 2);
  // The raster really holds the map: pixels in the light theme's ICRMW party colour (no "auto" in a PNG).
  const partyColour = META.themes.light.match(/--tc-icrmw:\s*(#[0-9a-f]{6})/i)[1];
  const painted = await page.evaluate(async ([b64, hex]) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - r) < 3 && Math.abs(px[i + 1] - g) < 3 && Math.abs(px[i + 2] - b) < 3) n++;
    return n;
  }, [png2.body.toString('base64'), partyColour]);
  assert.ok(painted > 2000, `party-coloured pixels: ${painted}`);

  const csv = await download('csv');
  assert.equal(csv.name, `${stem}.csv`);
  const rows = csv.body.toString('utf8').trim().split('\n');
  assert.equal(rows.length, 1 + 195);
  // Parties on 3 Aug 2020 in the data: deposits on or before that day.
  const want = readFileSync('data/treaty_actions.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','))
    .filter((c) => c[0] === 'icrmw' && c[4] !== '' && c[4] <= '2020-08-03').length;
  const header = rows[0].split(',');
  const status = header.indexOf('icrmw_status');
  assert.equal(rows.slice(1).filter((r) => r.split(',')[status] === 'party').length, want);
  assert.match(await page.locator('#download-status').textContent(), new RegExp(`${stem}\\.csv`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('values in the builder\'s address that it does not offer are named in a note, not dropped silently', { timeout: 60000 }, async () => {
  const { page, errors, context } = await builder('?chart=pie&as-of=2019-02-30&lang=de&treaty=icrmw&colour=red', 1280);
  assert.equal(await page.locator('#chart').inputValue(), 'timeline', 'the first chart in the registry');
  assert.equal(await page.locator('#treaty').inputValue(), 'icrmw', 'a good value is kept');
  // Each value left out says what would be valid (from the registry) and what the form shows instead.
  const note = (p) => p.evaluate(() => [document.querySelector('#address-note p').textContent, ...[...document.querySelectorAll('#address-note li')].map((li) => li.textContent)]);
  assert.deepEqual(await note(page), [
    'This address has values the builder reads differently or leaves out:',
    'chart=pie: use one of timeline, status, map, coverage, regions, country; showing timeline instead.',
    'lang=de: use one of en, fr, es; showing English instead.',
    'as-of=2019-02-30: use a day from 1990-01-01 to 2026-02-03 (YYYY-MM-DD), or latest; showing 2026-02-03 instead.',
    'colour=red: not a parameter the builder reads (it reads chart, treaty, country, theme, lang, notes, width, as-of, highlight, controls, chart-title).']);
  assert.equal(await page.locator('#address-note').isVisible(), true);
  assert.deepEqual(errors, []);
  // A state's name where its code belongs: the note suggests the code.
  // (An "&amp;" copied from HTML source reads as "&"; a parameter given twice uses the first, and says so.)
  const named = await builder('?chart=country&amp;country=Australia&as-of=2030-01-01', 1280);
  assert.equal(await named.page.locator('#country').inputValue(), 'AUS');
  const twice = await builder('?chart=status&chart=map&x%5D=1', 1280);
  assert.equal(await twice.page.locator('#chart').inputValue(), 'status');
  assert.deepEqual((await note(twice.page)).slice(1, 2), ['chart=status and map: given 2 times; the first is used.']);
  assert.deepEqual(twice.errors, []);
  await twice.context.close();
  assert.deepEqual(await note(named.page), [
    'This address has values the builder reads differently or leaves out:',
    'country=Australia: read as AUS, the code the charts take.',
    'as-of=2030-01-01: use a day from 1990-01-01 to 2026-02-03 (YYYY-MM-DD), or latest; showing 2026-02-03 instead.']);
  // Its address box says which choices a CMS pasting the address would not get (the state and the date here).
  await named.page.locator('#country').selectOption('AUS');
  await named.page.waitForFunction(() => !document.getElementById('url-note').hidden);
  assert.equal(await named.page.locator('#url-note').textContent(), 'A CMS pasting this address gets the default view, without country=AUS: use the iframe code to keep it.');
  await named.context.close();
  // A country the charts refuse gets their own sentence (here: a place that is not one of the 195).
  const eu = await builder('?chart=country&country=EU', 1280);
  assert.deepEqual((await note(eu.page)).slice(1), ['country=EU: the European Union is not one of the 195 UN member and observer states this data covers. Showing Philippines (PHL) instead.']);
  assert.deepEqual(eu.errors, []);
  await eu.context.close();
  const clean = await builder('?chart=status', 1280);
  assert.equal(await clean.page.locator('#address-note').isVisible(), false);
  await clean.context.close();
  await context.close();
});

test('a wrong date in the builder shows the chart\'s own message, and the next good one clears it', { timeout: 60000 }, async () => {
  const { page, context } = await builder('?chart=status', 1280);
  await page.locator('#date').fill('1989-06-01');
  await page.locator('#date').dispatchEvent('change');
  await page.locator('#problem.error').waitFor();
  assert.match(await page.locator('#problem').textContent(), /1990/);
  // No broken code to copy, nothing to download, while the choice is wrong.
  assert.match(await page.locator('#code-script').inputValue(), /^Fix the choice above first\. The chart says: “.*1990.*”$/);
  assert.equal(await page.locator('[data-copy=code-iframe]').isDisabled(), true);
  assert.equal(await page.locator('[data-download=png1]').isDisabled(), true);
  await page.locator('#date').fill('2010-12-31');
  await page.locator('#date').dispatchEvent('change');
  await page.waitForFunction(() => document.getElementById('problem').textContent === '');
  assert.match(await page.locator('#date-shown').textContent(), /31 December 2010/);
  assert.match(await page.locator('#code-script').inputValue(), /as-of="2010-12-31"/);
  assert.equal(await page.locator('[data-copy=code-iframe]').isDisabled(), false);
  // The slider says the date, not its position.
  assert.equal(await page.locator('#date-slider').getAttribute('aria-valuetext'), '31 December 2010');
  await context.close();
});

test('the iframe snippet starts at the height its chart will have: full notes, a highlight, French, a map', { timeout: 120000 }, async () => {
  for (const [query, width] of [['?chart=timeline&notes=full&highlight=PHL,MEX', 640], ['?chart=map&treaty=icrmw&lang=fr', 640], ['?chart=status&as-of=1995-06-01&lang=es&controls', 640], ['?chart=map', 1200]]) {
    const { page, errors, context } = await builder(query, 1280);
    if (width !== 640) {
      // Wider than the builder's column: the preview still draws at that width (the column scrolls sideways).
      await page.locator(`#width-${width}`).check();
      await page.waitForFunction((w) => document.getElementById('preview')._res?.width === w, width);
    }
    // The preview is drawn at the chosen width; its height is measured once it has drawn.
    await page.waitForFunction(() => /height:(\d+)px/.exec(document.getElementById('code-iframe').value)?.[1] ===
      String(Math.ceil(document.getElementById('preview').getBoundingClientRect().height)));
    const snippet = await page.locator('#code-iframe').inputValue();
    const given = Number(/height:(\d+)px/.exec(snippet)[1]);
    const src = /src="([^"]+)"/.exec(snippet)[1].replace(/&amp;/g, '&');
    // The same address in an iframe of that width: the height its page reports once drawn.
    const [reported] = await iframeHeights(page, { src, style: `width:${width}px;height:300px;border:0` });
    assert.ok(Math.abs(reported - given) <= 1, `${query}: snippet ${given} px, chart ${reported} px`);
    // A chosen width stays in the builder's own address (sharing it keeps the snippet's height).
    assert.equal(new URL(page.url()).searchParams.get('width'), width === 640 ? null : String(width));
    assert.deepEqual(errors, []);
    await context.close();
  }
});
