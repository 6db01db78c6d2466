// End-to-end: pages with a Content-Security-Policy. With 'wasm-unsafe-eval' the charts draw (their styles are
// constructed style sheets, which need no style-src exception); without it, each chart shows its fallback content
// and the sentence "This chart could not be loaded.", and the page gets one console error, not one per chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from './browser.mjs';

let h;
before(async () => { h = await start(); });
after(() => h.stop());

// Parties to the Migrant Workers Convention on the newest date, from the data: a dated deposit.
const icrmwParties = readFileSync('data/treaty_actions.csv', 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split(',')).filter((c) => c[0] === 'icrmw' && c[4] !== '').length;

async function underPolicy(policy) {
  const context = await h.browser.newContext({ viewport: { width: 800, height: 900 } });
  await context.route('**/__csp.html', (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'Content-Security-Policy': policy },
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">' +
      '<script type="module" src="./treaty-charts.js"></script></head><body>' +
      '<treaty-chart id="a" chart="status"><a href="static/status-latest-640.svg">Where the states stand (static image)</a></treaty-chart>' +
      '<treaty-chart id="b" chart="map" treaty="icrmw"></treaty-chart></body></html>',
  }));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${h.base}/__csp.html`);
  return { page, errors, context };
}

test("script-src 'self' 'wasm-unsafe-eval' with no style-src exception: the charts draw, styled", async () => {
  const { page, errors, context } = await underPolicy("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:");
  const status = await h.rendered(page, 'a');
  assert.match(status, new RegExp(`${icrmwParties}\\sparties`));
  const map = await h.rendered(page, 'b');
  assert.match(map, new RegExp(`Parties:\\s${icrmwParties}(?!\\d)`));
  // Styled: the shadow root's constructed sheet applies (the figure has the theme's surface colour).
  const bg = await page.evaluate(() => getComputedStyle(document.getElementById('a').shadowRoot.querySelector('figure')).getPropertyValue('--tc-surface').trim());
  assert.match(bg, /^#[0-9a-f]{6}$/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test("script-src 'self' without 'wasm-unsafe-eval': fallback content, a plain sentence, one console error", async () => {
  const { page, errors, context } = await underPolicy("default-src 'self'; script-src 'self'; style-src 'self'");
  for (const id of ['a', 'b']) {
    await page.waitForFunction((i) => document.getElementById(i)?.shadowRoot?.querySelector('[role=alert]'), id, { timeout: 20000 });
    assert.equal(await page.evaluate((i) => document.getElementById(i).shadowRoot.querySelector('[role=alert]').textContent, id), 'This chart could not be loaded.');
  }
  // The element's own content (the link to the static image) is what readers see.
  assert.equal(await page.locator('#a a').isVisible(), true);
  const ours = errors.filter((e) => e.startsWith('<treaty-chart>'));
  assert.equal(ours.length, 1, errors.join('\n'));
  assert.match(ours[0], /the chart module could not be loaded/);
  assert.match(ours[0], /add 'wasm-unsafe-eval' to its script-src$/);
  await context.close();
});

test("require-trusted-types-for 'script': fallback content, one console error, nothing thrown", async () => {
  const { page, errors, context } = await underPolicy("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'");
  await page.waitForFunction(() => customElements.get('treaty-chart'));
  // The element's own content (the link to the static image) is what readers see.
  assert.equal(await page.locator('#a a').isVisible(), true);
  assert.equal(errors.filter((e) => e.startsWith('pageerror')).length, 0, errors.join('\n'));
  const ours = errors.filter((e) => e.startsWith('<treaty-chart>'));
  assert.equal(ours.length, 1, errors.join('\n'));
  assert.match(ours[0], /Trusted Types/);
  await context.close();
});

// The iframe page under a policy of its own: its script and styles are files, so script-src 'self'
// 'wasm-unsafe-eval' with style-src 'self' draws the chart with no console error; without 'wasm-unsafe-eval' the
// page shows the plain sentence and logs one error.
async function embedUnderPolicy(policy, query) {
  const context = await h.browser.newContext({ viewport: { width: 640, height: 900 } });
  await context.route('**/embed.html*', async (r) => {
    const res = await r.fetch();
    await r.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': policy } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${h.base}/embed.html?${query}`);
  return { page, errors, context };
}

test("the iframe page under script-src 'self' 'wasm-unsafe-eval'; style-src 'self': draws, no console error", async () => {
  const { page, errors, context } = await embedUnderPolicy("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:", 'chart=map&treaty=icrmw');
  const text = await h.rendered(page, 'chart');
  assert.match(text, new RegExp(`Parties:\\s${icrmwParties}(?!\\d)`));
  // The page's own style sheet applied (no margin, no inner scrollbar).
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).overflow), 'hidden');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the iframe page without 'wasm-unsafe-eval': the plain sentence and one console error", async () => {
  const { page, errors, context } = await embedUnderPolicy("default-src 'self'; script-src 'self'; style-src 'self'", 'chart=timeline');
  await page.waitForFunction(() => document.getElementById('chart')?.shadowRoot?.querySelector('[role=alert]'), null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => document.getElementById('chart').shadowRoot.querySelector('[role=alert]').textContent), 'This chart could not be loaded.');
  const ours = errors.filter((e) => e.startsWith('<treaty-chart>'));
  assert.equal(ours.length, 1, errors.join('\n'));
  await context.close();
});
