// End-to-end: the charts added with "What the numbers leave out" — coverage, regions, the country card,
// highlights, ranges, short notes with "About this data", and the charts in French and Spanish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, SHOTS } from './browser.mjs';

let h;
before(async () => { h = await start(); });
after(() => h.stop());

// The chart's text once it has drawn (a chart draws when it comes near the viewport: rendered() scrolls to it).
const text = async (page, id) => (await h.rendered(page, id)).replace(/\u00a0|\u202f/g, ' ');

test('the article\'s day reads 177–178 for the Palermo Protocol, 55 for the Convention', async () => {
  const { page, errors, context } = await h.openHtml('<treaty-chart id="t" as-of="2020-08-03"></treaty-chart><treaty-chart id="s" chart="status" as-of="2020-08-03"></treaty-chart>');
  await h.rendered(page, 't');
  await h.rendered(page, 's');
  const t = await text(page, 't');
  assert.match(t, /177–178/);
  assert.match(t, /The Palermo Protocol had 177–178 parties on 3 Aug 2020: for Nepal, the date of joining is known only within a range\./);
  assert.doesNotMatch(t, /\b176\b/);
  assert.match(await text(page, 's'), /176 parties\s*1 may be a party \(date known only within a range\)\s*2 signed only\s*16 neither/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('coverage, regions and the country card draw with their numbers', async () => {
  const { page, errors, context } = await h.openHtml(
    '<treaty-chart id="c" chart="coverage"></treaty-chart><treaty-chart id="r" chart="regions"></treaty-chart>' +
    '<treaty-chart id="a" chart="country" country="aus"></treaty-chart><treaty-chart id="p" chart="country" country="PHL" as-of="2004-01-01"></treaty-chart>',
    { width: 900, height: 900 });
  const c = (await h.rendered(page, 'c')).replace(/\u00a0/g, ' ');
  assert.match(c, /Home to 13\.5% of the world’s 304 million international migrants/);
  assert.match(c, /Birthplace of 36\.0% of the 282 million emigrants whose country of birth is recorded/);
  assert.match(c, /Home to 95\.4% of the world’s 304 million international migrants/);
  const r = await text(page, 'r');
  assert.match(r, /Africa \(54 states\)/);
  assert.match(r, /50 of 54/);
  const a = await text(page, 'a');
  assert.match(a, /A party to the Palermo Protocol since 14\sSep\s2005\. Neither a signatory nor a party to the Migrant Workers Convention\./);
  assert.match(a, /International migrants living there: 8\.1\smillion \(30\.2% of the population\)/);
  assert.match(await text(page, 'p'), /A party to the Palermo Protocol since 28\sMay\s2002\. A party to the Migrant Workers Convention since 5\sJul\s1995\./);
  await page.screenshot({ path: `${SHOTS}/family-900.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a code that is not one of the 195 says what is valid and suggests the nearest', async () => {
  const { page, errors, context } = await h.openHtml('<treaty-chart id="x" chart="country" country="Australia"></treaty-chart><treaty-chart id="y" highlight="AUS,XYZ"></treaty-chart><treaty-chart id="z" chart="country"></treaty-chart>');
  assert.match(await h.rendered(page, 'x'), /Invalid country “Australia”: use the ISO 3166-1 alpha-3 code of one of the 195 UN member and observer states, such as AUS or PHL\. Did you mean AUS \(Australia\)\?/);
  assert.match(await h.rendered(page, 'y'), /Invalid highlight “XYZ”/);
  assert.match(await h.rendered(page, 'z'), /The country chart needs a country/);
  assert.equal(errors.length, 3);
  await context.close();
});

test('highlighted states are marked on the timeline, the status bars, the regions and the map', async () => {
  const body = ['timeline', 'status', 'regions', 'map'].map((c) => `<treaty-chart id="${c}" chart="${c}" highlight="AUS,PHL"></treaty-chart>`).join('');
  const { page, errors, context } = await h.openHtml(body, { width: 1000, height: 900 });
  for (const id of ['timeline', 'status', 'regions', 'map']) {
    const t = await (async () => { await h.rendered(page, id); return text(page, id); })();
    assert.match(t, /Australia/, id);
    assert.match(t, /Philippines/, id);
  }
  assert.match(await text(page, 'status'), /Australia: party since 14 Sep 2005 · Philippines: party since 28 May 2002/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"About this data" opens and closes, prints open, and full notes draw it in the chart', async () => {
  const { page, context } = await h.openHtml('<treaty-chart id="s" chart="status"></treaty-chart><treaty-chart id="f" chart="status" notes="full"></treaty-chart>');
  await h.rendered(page, 's');
  await h.rendered(page, 'f');
  const about = page.locator('#s .about button');
  assert.equal(await about.textContent(), 'About this data');
  assert.equal(await about.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#s .about-text').isVisible(), false);
  await about.click();
  assert.equal(await about.getAttribute('aria-expanded'), 'true');
  assert.match(await page.locator('#s .about-text').textContent(), /requires its parties to make trafficking in persons a criminal offence \(art\. 5\)/);
  await about.click();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#s .about-text').isVisible(), true, 'printed in full');
  // … under its heading: the button's words, bold, without the disclosure triangle.
  assert.equal(await about.isVisible(), true, 'printed with its heading');
  assert.deepEqual(await about.evaluate((b) => [getComputedStyle(b).fontWeight, getComputedStyle(b, '::before').content]), ['700', 'none']);
  await page.emulateMedia({ media: 'screen' });
  // Full notes: drawn in the SVG, no disclosure.
  assert.equal(await page.locator('#f .about').isVisible(), false);
  assert.match(await text(page, 'f'), /About this data/);
  // The short notes are about 60 words.
  const words = await page.evaluate(() => {
    const svg = document.getElementById('s').shadowRoot.querySelector('svg');
    const lines = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    const from = lines.findIndex((l) => l.startsWith('What this measures'));
    const to = lines.findIndex((l, i) => i > from && l.startsWith('Palermo Protocol: full depositary list'));
    return lines.slice(from, to).join(' ').split(/\s+/).filter(Boolean).length;
  });
  console.log(`# status chart, newest data, 640 px: ${words} words of visible notes`);
  assert.ok(words <= 80, `${words} words`);
  await context.close();
});

test('French and Spanish from the page\'s lang; an unsupported language falls back to English with one warning', async () => {
  const { page, errors, context } = await h.openHtml(
    '<div lang="fr-CA"><treaty-chart id="fr" chart="status" as-of="2020-08-03"></treaty-chart></div>' +
    '<treaty-chart id="es" chart="timeline" lang="es"></treaty-chart>' +
    '<treaty-chart id="de1" chart="status" lang="de"></treaty-chart><treaty-chart id="de2" lang="de"></treaty-chart>', { width: 800, height: 900 });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.reload();
  for (const id of ['fr', 'es', 'de1', 'de2']) await h.rendered(page, id);
  const fr = await text(page, 'fr');
  assert.match(fr, /Ce que cela mesure/);
  assert.match(fr, /3 août 2020/);
  assert.match(fr, /176 parties/);
  const es = await text(page, 'es');
  assert.match(es, /Qué mide/);
  assert.match(es, /181/);
  assert.match(await text(page, 'de1'), /What this measures/);
  assert.equal(await page.evaluate(() => document.getElementById('fr').shadowRoot.querySelector('figure').lang), 'fr');
  assert.equal(warnings.filter((w) => w.includes('lang="de"')).length, 1, warnings.join('\n'));
  // One console line for the page, and in each widget a line saying so (a reader or an editor sees why).
  const notice = (id) => page.evaluate((id) => { const n = document.getElementById(id).shadowRoot.querySelector('.tc-notice'); return n.hidden ? null : n.textContent; }, id);
  for (const id of ['de1', 'de2']) assert.equal(await notice(id), 'lang="de" is not a language these charts are written in (en, fr, es): shown in English.');
  assert.equal(await notice('fr'), null);
  assert.deepEqual(errors, []);
  // The modules carry English only: each other language's catalogue is fetched once for the page (two modules
  // here, status and timeline, share the Spanish one after the switch below), and none for English or German.
  const catalogues = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()).filter((n) => /^treaty_charts_.*\.json$/.test(n)).sort());
  assert.deepEqual(await catalogues(), ['treaty_charts_es.json', 'treaty_charts_fr.json']);
  for (const [l, w] of [['fr', 375], ['es', 375]]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: `${SHOTS}/lang-${l}-${w}.png`, fullPage: true });
  }
  // A page that switches its language (a site's language menu) redraws the charts that follow it; a chart with
  // its own lang keeps it.
  const redrawn = page.evaluate(() => new Promise((r) => document.getElementById('fr').addEventListener('treaty-chart-rendered', r, { once: true })));
  await page.evaluate(() => { document.querySelector('[lang="fr-CA"]').lang = 'es'; });
  await redrawn;
  assert.match(await text(page, 'fr'), /Qué mide/);
  assert.match(await text(page, 'es'), /Qué mide/);
  assert.deepEqual(await catalogues(), ['treaty_charts_es.json', 'treaty_charts_fr.json']);
  await context.close();
});

// A page of these elements, with its console warnings collected from the first line on.
async function openWarned(html) {
  const warnings = [];
  const opened = await h.openHtml(html, undefined, '', async (ctx) => ctx.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); }));
  return { ...opened, warnings };
}

test('a fixed width far wider than its column is scaled down with one warning; one that fits gets none', async () => {
  const { page, errors, context, warnings } = await openWarned(
    '<div style="width:500px"><treaty-chart id="wide" chart="status" width="1200"></treaty-chart><treaty-chart id="fit" chart="status" width="480"></treaty-chart>' +
    '<treaty-chart id="over" chart="status" width="2401"></treaty-chart></div><div style="width:200px"><treaty-chart id="thin" chart="status"></treaty-chart></div>');
  await h.rendered(page, 'wide');
  await h.rendered(page, 'fit');
  await h.rendered(page, 'thin');
  await page.waitForFunction(() => document.getElementById('over').shadowRoot.querySelector('[role=alert]'));
  assert.equal(await page.evaluate(() => document.getElementById('wide')._res.width), 1200);
  const shown = await page.evaluate(() => document.getElementById('wide').shadowRoot.querySelector('svg').getBoundingClientRect().width);
  assert.ok(shown <= 500, `drawn ${shown}px wide`);
  // A width out of range gets the chart's error only, not also a warning that it is scaled down; a column
  // narrower than the narrowest chart gets its own warning.
  assert.deepEqual(warnings.filter((w) => w.includes('scaled down')), [
    '<treaty-chart id="wide">: width="1200" is wider than its column (500 px), so the chart is scaled down and its text is smaller than the chart intends; leave width out to draw at the column\'s width.',
    '<treaty-chart id="thin">: a chart\'s column is 200 px wide, but a chart is never drawn narrower than 280 px, so it is scaled down and its text is smaller than the chart intends; give it a column at least 280 px wide.',
  ]);
  // Each scaled chart also says so in its widget, in its own language; one that fits says nothing.
  const notice = (id) => page.evaluate((id) => { const n = document.getElementById(id).shadowRoot.querySelector('.tc-notice'); return n.hidden ? null : n.textContent; }, id);
  assert.equal(await notice('wide'), 'width="1200" is wider than this 500 px column: the chart is scaled down, and its text with it.');
  assert.equal(await notice('thin'), 'This column is 200 px wide, narrower than the 280 px a chart needs: the chart is scaled down, and its text with it.');
  assert.equal(await notice('fit'), null);
  // Given room, the notice goes.
  await page.evaluate(() => { document.getElementById('thin').parentElement.style.width = '400px'; });
  await page.waitForFunction(() => document.getElementById('thin')._res.width === 400);
  await page.waitForFunction(() => document.getElementById('thin').shadowRoot.querySelector('.tc-notice').hidden);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^<treaty-chart id="over">: Invalid width “2401”/);
  await context.close();
});

test('CMS habits do not break a chart: width="100%", as-of="latest", height and align attributes (one warning)', async () => {
  const { page, errors, context, warnings } = await openWarned(
    '<div style="width:700px"><treaty-chart id="w" chart="status" width="100%" as-of="latest" height="600" align="center"></treaty-chart></div>');
  await h.rendered(page, 'w');
  assert.equal(await page.evaluate(() => document.getElementById('w')._res.width), 700);
  assert.equal(await page.evaluate(() => document.getElementById('w')._res.as_of), '2026-02-03');
  assert.deepEqual(warnings.filter((w) => w.includes('height')), ['<treaty-chart id="w">: the height and align attributes are ignored (a chart takes its container\'s width and its own height).']);
  assert.deepEqual(errors, []);
  await context.close();
});
