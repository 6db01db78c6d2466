// Shared end-to-end harness: serves the built gallery (dist/) on a free localhost port with Python's http.server
// and drives Debian's Chromium through playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const DIST = process.env.DIST_DIR || 'dist';
export const SHOTS = 'target/screenshots';
// The crate's chart registry as the browser build wrote it (`treaty-charts meta --json`).
export const META = JSON.parse(readFileSync(`${DIST}/meta.json`, 'utf8'));
export const CHART_NAMES = META.charts.map((c) => c.name).join(', ');
// The options a chart takes, as error messages list them.
export const optionsOf = (name) => META.charts.find((c) => c.name === name).options.map((o) => o.name).join(', ');

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// Serves `dir` with scripts/static_server.py on a free port. Resolves with { base, server } (kill server to stop).
export async function serve(dir) {
  const server = spawn('python3', ['-u', 'scripts/static_server.py', dir, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('static_server.py did not start')), 10000);
    server.stdout.on('data', (b) => {
      const m = /port (\d+)/.exec(String(b));
      if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
    });
  });
  return { base, server };
}

// Starts the server and the browser. Returns { base, browser, open, openHtml, rendered, stop }.
export async function start() {
  const { base, server } = await serve(DIST);
  const browser = await launch();
  mkdirSync(SHOTS, { recursive: true });

  // Opens a page, recording console errors and uncaught exceptions.
  async function open(path, viewport = { width: 1280, height: 900 }, extra = {}) {
    const context = await browser.newContext({ viewport, acceptDownloads: true, ...extra });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(base + path);
    return { page, errors, context };
  }

  // Opens a test page made of `body` (HTML) that loads the loader, as a page on the same server would.
  // `setup(context)` may add routes first (e.g. to block the loader).
  async function openHtml(body, viewport = { width: 1000, height: 900 }, htmlAttrs = '', setup = async () => {}) {
    const context = await browser.newContext({ viewport });
    await setup(context);
    await context.route('**/__fixture.html', (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en" ${htmlAttrs}><head><meta charset="utf-8"><link rel="icon" href="data:,">` +
        `<script type="module" src="./treaty-charts.js"></script></head><body>${body}</body></html>`,
    }));
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(`${base}/__fixture.html`);
    return { page, errors, context };
  }

  // Waits until the element with this id has rendered an SVG (or an error box) in its shadow root; returns its text.
  // Charts draw when they come near the viewport, so it is scrolled into view first.
  async function rendered(page, id) {
    await page.evaluate((i) => document.getElementById(i)?.scrollIntoView({ block: 'nearest' }), id);
    await page.waitForFunction((i) => {
      const el = document.getElementById(i);
      return el && el.shadowRoot && el.shadowRoot.querySelector('.chart svg, .chart [role=alert]');
    }, id, { timeout: 20000 });
    return page.evaluate((i) => document.getElementById(i).shadowRoot.querySelector('.chart').textContent, id);
  }

  async function stop() {
    await browser.close();
    server.kill();
  }
  return { base, browser, open, openHtml, rendered, stop };
}

// Adds an iframe of `src` (the embed page) to `page` at the start of `parent`, and returns the last height it
// posted once its chart has drawn, then — if `widen` is given — the last height after its width became `widen`.
export function iframeHeights(page, { src, style, parent = 'body', widen = null }) {
  return page.evaluate(async ([src, style, parent, widen]) => {
    const f = document.createElement('iframe');
    f.style.cssText = style;
    f.src = src;
    let last = null;
    addEventListener('message', (e) => { if (e.source === f.contentWindow && e.data.type === 'treaty-chart:height') last = e.data.height; });
    const drawn = new Promise((resolve) => f.addEventListener('load', () => {
      const el = f.contentDocument.getElementById('chart');
      if (el._res) resolve(); else el.addEventListener('treaty-chart-rendered', resolve);
    }));
    document.querySelector(parent).prepend(f);
    await drawn;
    const settle = () => new Promise((r) => setTimeout(r, 400));
    await settle();
    const first = last;
    if (widen === null) return [first];
    f.style.width = widen;
    await settle();
    return [first, last];
  }, [src, style, parent, widen]);
}
