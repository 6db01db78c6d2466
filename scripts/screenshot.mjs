// Screenshots a page or an SVG file in headless Chromium: node scripts/screenshot.mjs URL|FILE WIDTH OUT.png
//   COLOR_SCHEME=dark for prefers-color-scheme: dark; WAIT_MS to wait longer before the shot.
import { launch } from '../tests/e2e/browser.mjs';
import { pathToFileURL } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [target, width = '1280', out = 'screenshot.png'] = process.argv.slice(2);
if (!target) {
  console.error('usage: node scripts/screenshot.mjs URL|FILE [WIDTH] [OUT.png]');
  process.exit(2);
}
const url = existsSync(target) ? pathToFileURL(path.resolve(target)).href : target;
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 }, deviceScaleFactor: 1,
  colorScheme: process.env.COLOR_SCHEME === 'dark' ? 'dark' : 'light' });
page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
if (target.endsWith('.svg') && existsSync(target)) {
  // An SVG document has no body to measure for a full-page shot: show it inside a plain page.
  await page.setContent(`<!doctype html><body style="margin:0">${readFileSync(target, 'utf8')}</body>`);
} else {
  await page.goto(url);
}
await page.waitForTimeout(Number(process.env.WAIT_MS || 300));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(out);
