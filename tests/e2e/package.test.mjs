// End-to-end: the npm package as a web developer gets it. `npm pack` of dist/npm, installed offline into a scratch
// app; its type declarations checked with TypeScript in strict mode (wrong uses must fail); then the installed copy
// loaded in Chromium by a bare specifier (an import map), drawing a status chart and a map whose numbers match the
// data files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, serve, DIST } from './browser.mjs';

const ROOT = resolve('.');
const manifest = JSON.parse(readFileSync(`${DIST}/npm/package.json`, 'utf8'));
let scratch, app, tarball, packed;

// ICRMW parties in the data: consent to be bound (ratification or accession) with a date.
const icrmwParties = readFileSync('data/treaty_actions.csv', 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split(',')).filter((c) => c[0] === 'icrmw' && c[4] !== '').length;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'treaty-charts-pkg-'));
  const out = execFileSync('npm', ['pack', resolve(DIST, 'npm'), '--pack-destination', scratch, '--json'], { encoding: 'utf8' });
  [packed] = JSON.parse(out);
  tarball = join(scratch, packed.filename);
  app = join(scratch, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  execFileSync('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app, stdio: 'pipe' });
});
after(() => rmSync(scratch, { recursive: true, force: true }));

test('the tarball holds exactly the files a page loads, under the crate\'s version', () => {
  const cargoVersion = /^version = "([^"]+)"/m.exec(readFileSync('Cargo.toml', 'utf8'))[1];
  assert.equal(packed.name, 'treaty-charts');
  assert.equal(packed.version, cargoVersion);
  assert.deepEqual(packed.files.map((f) => f.path).sort(), [...manifest.files, 'package.json'].sort());
  // One module per chart kind of the registry, each the built one, byte for byte.
  const kinds = JSON.parse(readFileSync(join(DIST, 'meta.json'), 'utf8')).charts.map((c) => `treaty_charts_${c.name}_bg.wasm`);
  assert.deepEqual(manifest.files.filter((f) => f.endsWith('.wasm')), kinds);
  for (const f of [...kinds, 'treaty-charts.js', 'treaty_charts_world.bin']) {
    assert.equal(statSync(join(app, 'node_modules/treaty-charts', f)).size, statSync(join(DIST, f)).size, f);
  }
  console.log(`# npm package: ${packed.filename}, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.files.length} files`);
});

test('the type declarations accept the documented uses and reject wrong ones (tsc --strict)', () => {
  writeFileSync(join(app, 'usage.ts'), `
import { render, files, registry, define, version, type ChartOptions, type RenderedDetail } from 'treaty-charts';
const el = document.createElement('treaty-chart');
el.asOf = '2020-08-03';
el.controls = true;
el.addEventListener('treaty-chart-rendered', (e) => { const h: number = e.detail.height; void h; });
el.addEventListener('treaty-chart-error', (e) => { const s: string = e.detail.error; void s; });
const d: RenderedDetail = await render(el, { chart: 'map', treaty: 'icrmw' });
const w: number = d.width;
const { svg, csv } = await files({ chart: 'status', lang: 'es' });
const n: number = registry.charts.length + svg.length + csv.length + w + version.length;
const Klass = define();
const ok: ChartOptions = { chart: 'country', country: 'PHL', notes: 'full' };
void n; void Klass; void ok;
// @ts-expect-error not a chart kind
const bad: ChartOptions = { chart: 'pie' };
// @ts-expect-error no such theme
const dim: ChartOptions = { theme: 'sepia' };
// @ts-expect-error the rendered detail has no such field
el.addEventListener('treaty-chart-rendered', (e) => e.detail.nope);
// @ts-expect-error render needs an element
await render('treaty-chart');
// @ts-expect-error not a chart kind, through render
await render(el, { chart: 'pie' });
// @ts-expect-error a misspelt option (as-of / asOf)
await render(el, { asof: '2020-08-03' });
// @ts-expect-error no such treaty
await files({ treaty: 'migrant' });
// @ts-expect-error no such theme, as a property
el.theme = 'blue';
// The events bubble: a page may listen on the document or the window.
document.addEventListener('treaty-chart-rendered', (e) => { const a: string = e.detail.asOf; void a; });
window.addEventListener('treaty-chart-error', (e) => { const s: string = e.detail.error; void s; });
void bad; void dim;
export {};
`);
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--lib', 'es2022,dom', 'usage.ts'];
  try {
    execFileSync(tsc, args, { cwd: app, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc rejected the documented uses:\n${e.stdout}${e.stderr}`);
  }
  // And a plain mistake is caught (the types are not `any`).
  writeFileSync(join(app, 'wrong.ts'), `import { render } from 'treaty-charts';\nawait render(document.body, { chart: 'bar' });\nexport {};\n`);
  let out = '';
  try { execFileSync(tsc, [...args.slice(0, -1), 'wrong.ts'], { cwd: app, encoding: 'utf8', stdio: 'pipe' }); } catch (e) { out = e.stdout; }
  assert.match(out, /wrong\.ts.*error TS2345/s);
});

test('the installed package draws by bare specifier: a status chart and a map with the data\'s counts', async () => {
  writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">{"imports":{"treaty-charts":"./node_modules/treaty-charts/treaty-charts.js"}}</script>
<script type="module">
  import { files, registry } from 'treaty-charts';
  window.__files = await files({ chart: 'status' });
  window.__kinds = registry.charts.map((c) => c.name);
</script></head><body>
<treaty-chart id="status" chart="status"></treaty-chart>
<treaty-chart id="map" chart="map" treaty="icrmw"></treaty-chart>
</body></html>`);
  const { base, server } = await serve(app);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 2400 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${base}/index.html`);
    await page.waitForFunction(() => window.__files && ['status', 'map'].every((id) => document.getElementById(id)._res), null, { timeout: 20000 });
    const csv = await page.evaluate(() => window.__files.csv);
    assert.match(csv, new RegExp(`^\\d{4}-\\d\\d-\\d\\d,icrmw,${icrmwParties},${icrmwParties},`, 'm'));
    const map = await page.evaluate(() => document.getElementById('map').shadowRoot.querySelector('.chart svg').textContent);
    assert.match(map, new RegExp(`Parties:\\s${icrmwParties}(?!\\d)`));
    const status = await page.evaluate(() => document.getElementById('status').shadowRoot.querySelector('.chart').textContent);
    assert.match(status, new RegExp(`\\b${icrmwParties}\\sparties\\b`));
    assert.deepEqual(await page.evaluate(() => window.__kinds), JSON.parse(readFileSync(`${DIST}/meta.json`, 'utf8')).charts.map((c) => c.name));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.kill();
  }
});
