// The benchmark's Chart.js 4 page: the timeline (two stepped lines) or the status chart (stacked bars), tree-shaken
// to the controllers, elements, scales and plugins these two charts use.
import { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, BarController, BarElement, Tooltip, Legend, Title } from 'chart.js';
import { NAMES, timeline, status, decimalYear } from './data.mjs';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, BarController, BarElement, Tooltip, Legend, Title);
const COLORS = { palermo: '#0072b2', icrmw: '#b34700' };
const params = new URLSearchParams(location.search);
const kind = params.get('chart') ?? 'timeline';
const asOf = params.get('as-of') ?? '2026-02-03';

function config() {
  if (kind === 'status') {
    const s = status();
    const seg = (key, label, color) => ({ label, data: s.map((r) => r[key]), backgroundColor: color });
    return {
      type: 'bar',
      data: { labels: s.map((r) => NAMES[r.treaty]), datasets: [seg('party', 'Parties', '#0072b2'), seg('signatory', 'Signatories only', '#56b4e9'), seg('neither', 'Neither', '#bbbbbb')] },
      options: { indexAxis: 'y', animation: false, scales: { x: { stacked: true, max: 195 }, y: { stacked: true } },
        plugins: { title: { display: true, text: 'Where the 195 states stand' } } },
    };
  }
  const t = timeline(asOf);
  return {
    type: 'line',
    data: { datasets: Object.keys(NAMES).map((k) => ({ label: NAMES[k], borderColor: COLORS[k], backgroundColor: COLORS[k], stepped: 'after', pointRadius: 0,
      data: t.filter((r) => r.treaty === k).map((r) => ({ x: decimalYear(r.date), y: r.parties })) })) },
    options: { animation: false, parsing: true, interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: { x: { type: 'linear', min: 1990, max: decimalYear(asOf), ticks: { callback: (v) => String(Math.floor(v)) } }, y: { min: 0 } },
      plugins: { title: { display: true, text: 'Parties to each treaty over time' } } },
  };
}

const charts = [];
for (const box of document.querySelectorAll('.c')) {
  const canvas = document.createElement('canvas');
  box.append(canvas);
  charts.push(new Chart(canvas, config()));
}
window.__bench = {
  plotBox() {
    const c = charts[0];
    const r = c.canvas.getBoundingClientRect();
    return { x: r.left + c.chartArea.left, y: r.top + c.chartArea.top, w: c.chartArea.width, h: c.chartArea.height };
  },
  memory: () => 0,
};
window.__drawn = performance.now();
