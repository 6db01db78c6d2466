// The same numbers treaty-charts draws, from its own CLI (`treaty-charts data --chart timeline|status`), bundled
// into each peer's script as text by esbuild (so the bytes a reader downloads include the data, as ours do).
import timelineCsv from './timeline.csv';
import statusCsv from './status.csv';

const rows = (csv) => {
  const [head, ...lines] = csv.trim().split('\n');
  const keys = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
};

export const NAMES = { palermo: 'Palermo Protocol', icrmw: 'Migrant Workers Convention' };

/** Timeline rows: { date: 'YYYY-MM-DD', treaty, parties } (the certain count), each series ending on `asOf`. */
export function timeline(asOf) {
  const out = rows(timelineCsv).map((r) => ({ date: r.date, treaty: r.treaty, parties: Number(r.parties_min) }));
  for (const t of Object.keys(NAMES)) {
    const last = out.filter((r) => r.treaty === t).at(-1);
    if (last && last.date < asOf) out.push({ date: asOf, treaty: t, parties: last.parties });
  }
  return out;
}

/** Status rows: { treaty, party, signatory, neither } among the 195 states. */
export const status = () => rows(statusCsv).map((r) => ({ treaty: r.treaty, party: Number(r.party_min), signatory: Number(r.signatory), neither: Number(r.neither) }));

/** A date as a decimal year (Chart.js's linear axis; it has no date axis without an adapter). */
export const decimalYear = (d) => {
  const [y, m, day] = d.split('-').map(Number);
  return y + (Date.UTC(y, m - 1, day) - Date.UTC(y, 0, 1)) / (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1));
};
