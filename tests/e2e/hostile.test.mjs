// End-to-end: a corpus of hostile strings through every attribute of the element and every query parameter of
// the iframe page. Nothing runs (no dialog, no script sets a flag), nothing from the input becomes markup (no
// element, event handler or javascript: address in the chart), and every widget shows either a chart or a
// readable error — never a blank box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, META } from './browser.mjs';

let h;
before(async () => { h = await start(); });
after(() => h.stop());

const PWN = 'window.__pwned=1';
export const CORPUS = [
  `<script>${PWN}</script>`,
  `"><script>${PWN}</script>`,
  `'><img src=x onerror="${PWN}">`,
  `<img src=x onerror=${PWN}>`,
  `<svg onload="${PWN}">`,
  `"><svg/onload=${PWN}>`,
  `" onmouseover="${PWN}" x="`,
  `' onfocus='${PWN}' autofocus x='`,
  `javascript:${PWN}`,
  `JaVaScRiPt:${PWN}`,
  `data:text/html,<script>${PWN}</script>`,
  `</style><script>${PWN}</script>`,
  `</svg><script>${PWN}</script>`,
  `</title><script>${PWN}</script>`,
  `]]><script>${PWN}</script>`,
  `<![CDATA[<script>${PWN}</script>]]>`,
  `<!--<script>${PWN}</script>-->`,
  `<iframe src="javascript:${PWN}">`,
  `<a href="javascript:${PWN}">click</a>`,
  `<foreignObject><script>${PWN}</script></foreignObject>`,
  `{{constructor.constructor('${PWN}')()}}`,
  '${alert(1)}',
  `&lt;script&gt;${PWN}&lt;/script&gt;`,
  '&#60;script&#62;',
  '\u202eevil\u202c',
  '\u200f\u200e\u2066mixed\u2069',
  '\u0000\u0001\u0007nul',
  '\ud800',
  '👩🏽‍⚖️ 🇵🇭',
  'x'.repeat(100_000),
  '2019-02-30',
  '-1',
  '1e309',
  'AUS,PHL,'.repeat(50),
  '   ',
  '%3Cscript%3E',
];

// Every option of every chart, from the registry.
const OPTIONS = [...new Set(META.charts.flatMap((c) => c.options.map((o) => o.name)))];

// What a widget's shadow root may hold: a chart (svg) or an error box; nothing the input could have made.
function inspect(ids) {
  return ids.map((id) => {
    const el = document.getElementById(id);
    const root = el.shadowRoot;
    const chart = root.querySelector('.chart');
    const bad = [...root.querySelectorAll('*')].filter((n) =>
      /^(script|iframe|object|embed|img|foreignobject)$/i.test(n.localName) ||
      [...n.attributes].some((a) => /^on/i.test(a.name) || (/^(href|xlink:href|src|action|formaction)$/i.test(a.name) && /^\s*(javascript|data:text\/html)/i.test(a.value))));
    return {
      id,
      shown: Boolean(chart.querySelector('svg') || chart.querySelector('[role=alert]')),
      text: (chart.querySelector('[role=alert]')?.textContent ?? '').slice(0, 200),
      bad: bad.map((n) => n.outerHTML.slice(0, 120)),
    };
  });
}

test(`${CORPUS.length} hostile strings through each of the ${OPTIONS.length} attributes: nothing runs, nothing becomes markup, every widget says something`, { timeout: 240000 }, async () => {
  assert.ok(CORPUS.length >= 30);
  const { page, context } = await h.openHtml('<div id="box"></div>', { width: 700, height: 900 });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  for (const name of OPTIONS) {
    const takes = META.charts.find((c) => c.options.some((o) => o.name === name))?.name;
    const ids = await page.evaluate(([name, corpus, takes]) => {
      const box = document.getElementById('box');
      box.replaceChildren();
      return corpus.map((value, i) => {
        const el = document.createElement('treaty-chart');
        el.id = `h${i}`;
        el.setAttribute('eager', '');
        // The chart that takes this option (so that a valid value draws and a bad one is judged on its own).
        if (name !== 'chart' && takes) el.setAttribute('chart', takes);
        if (name !== 'country' && takes === 'country') el.setAttribute('country', 'PHL');
        el.setAttribute(name, value);
        box.append(el);
        return el.id;
      });
    }, [name, CORPUS, takes]);
    await page.waitForFunction((ids) => ids.every((id) => {
      const c = document.getElementById(id).shadowRoot?.querySelector('.chart');
      return c && (c.querySelector('svg') || c.querySelector('[role=alert]'));
    }), ids, { timeout: 60000 });
    const seen = await page.evaluate(inspect, ids);
    for (const s of seen) {
      assert.equal(s.shown, true, `${name}: ${s.id} blank`);
      assert.deepEqual(s.bad, [], `${name} #${s.id}`);
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined, name);
  }
  assert.deepEqual(dialogs, []);
  await context.close();
});

test(`the same strings through every query parameter of the iframe page (and as parameter names)`, { timeout: 300000 }, async () => {
  const context = await h.browser.newContext({ viewport: { width: 700, height: 900 } });
  const dialogs = [];
  // Long strings are cut to what an address can carry (servers refuse addresses past about 8 KB).
  const values = CORPUS.map((s) => s.slice(0, 2000));
  // A lone surrogate has no UTF-8 form: sent as the bytes a careless encoder would write.
  const enc = (s) => { try { return encodeURIComponent(s); } catch { return '%ED%A0%80'; } };
  const cases = [];
  for (const name of OPTIONS) for (const v of values) cases.push(`${enc(name)}=${enc(v)}`);
  for (const v of values.slice(0, 12)) cases.push(`${enc(v)}=1`);
  // Three pages at a time, each taking every third address.
  await Promise.all([0, 1, 2].map(async (k) => {
    const page = await context.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    for (const query of cases.filter((_, i) => i % 3 === k)) {
      await page.goto(`${h.base}/embed.html?${query}`);
      // Either the chart draws (or shows its error), or the page refuses the address with its own message.
      await page.waitForFunction(() => {
        const c = document.getElementById('chart')?.shadowRoot?.querySelector('.chart');
        return (c && (c.querySelector('svg') || c.querySelector('[role=alert]'))) || document.querySelector('[role=alert]');
      }, null, { timeout: 20000 }).catch(async (e) => {
        const body = await page.evaluate(() => document.body.innerText.slice(0, 300));
        throw new Error(`${query.slice(0, 200)}: ${e.message}; page says: ${body}`);
      });
      const refused = await page.evaluate(() => document.querySelector('[role=alert]')?.textContent ?? '');
      if (await page.evaluate(() => Boolean(document.getElementById('chart')?.shadowRoot))) {
        const [seen] = await page.evaluate(inspect, ['chart']);
        assert.equal(seen.shown || refused.length > 0, true, query);
        assert.deepEqual(seen.bad, [], query);
      } else {
        assert.match(refused, /This chart could not be drawn\./, query);
      }
      // The page outside the chart did not grow anything either.
      const extra = await page.evaluate(() => [...document.querySelectorAll('script:not([src]):not([type=module]), img, iframe, object, embed')].length);
      assert.equal(extra, 0, query);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, query);
    }
  }));
  console.log(`# ${cases.length} iframe addresses tried`);
  assert.deepEqual(dialogs, []);
  await context.close();
});
