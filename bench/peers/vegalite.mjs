// The benchmark's Vega-Lite 6 page through vega-embed (the way its docs embed a chart): the timeline (step lines,
// a date axis) or the status chart (stacked bars), with tooltips, canvas renderer (vega-embed's default).
import embed from 'vega-embed';
import { NAMES, timeline, status } from './data.mjs';

const params = new URLSearchParams(location.search);
const kind = params.get('chart') ?? 'timeline';
const asOf = params.get('as-of') ?? '2026-02-03';

function spec() {
  if (kind === 'status') {
    const values = status().flatMap((r) => [['Parties', r.party], ['Signatories only', r.signatory], ['Neither', r.neither]]
      .map(([standing, states], order) => ({ treaty: NAMES[r.treaty], standing, states, order })));
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: 'Where the 195 states stand', width: 'container',
      data: { values },
      mark: 'bar',
      encoding: { y: { field: 'treaty', type: 'nominal', title: null }, x: { field: 'states', type: 'quantitative', stack: true, scale: { domain: [0, 195] } },
        color: { field: 'standing', type: 'nominal', sort: ['Parties', 'Signatories only', 'Neither'] }, order: { field: 'order' },
        tooltip: [{ field: 'treaty' }, { field: 'standing' }, { field: 'states', type: 'quantitative' }] },
    };
  }
  const values = timeline(asOf).map((r) => ({ ...r, treaty: NAMES[r.treaty] }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: 'Parties to each treaty over time', width: 'container', height: 300,
    data: { values },
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: { x: { field: 'date', type: 'temporal', title: null }, y: { field: 'parties', type: 'quantitative' },
      color: { field: 'treaty', type: 'nominal' }, tooltip: [{ field: 'treaty' }, { field: 'date', type: 'temporal' }, { field: 'parties', type: 'quantitative' }] },
  };
}

const views = await Promise.all([...document.querySelectorAll('.c')].map((box) => embed(box, spec(), { actions: false }).then((r) => r.view)));
window.__bench = {
  plotBox() {
    const v = views[0];
    const r = v.container().getBoundingClientRect();
    const [ox, oy] = v.origin();
    return { x: r.left + ox, y: r.top + oy, w: v.width(), h: v.height() };
  },
  memory: () => 0,
};
window.__drawn = performance.now();
