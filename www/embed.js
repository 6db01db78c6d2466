// The iframe page (embed.html, embed-<chart>.html): one chart from the address's options, sized to its content in
// every resize protocol a host page may listen for. A file of its own, not an inline script, so that the page works
// under a Content-Security-Policy of script-src 'self'.
import { whenReady, embedParams, messagesFor, themeVars, optionNames, registry } from './treaty-charts.js';

// The theme's colours for the page's own error box, as a constructed style sheet (a Content-Security-Policy
// without 'unsafe-inline' allows it, where it would block a <style> element).
const theme = new CSSStyleSheet();
theme.replaceSync(`:root { ${themeVars.light} } @media screen and (prefers-color-scheme: dark) { :root { ${themeVars.dark} } }`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, theme];

// The chart's options from the address. At once, only attributes that are option names are set (so the element
// reserves the right height from the start); once the module is ready, Rust checks the whole address
// (crate::embed::embed_params): tracking parameters and cache-busters are dropped, an "&amp;" copied from HTML
// source is read as "&", anything else, or an option given twice, is refused with a visible message.
// Options written after "#" instead of "?" (embed.html#chart=map, as some CMS link fields produce) are read the same,
// when there is no "?" part, and said once in the console; a plain anchor (#top) is not an option.
const fromHash = !location.search && location.hash.includes('=');
const pairs = [...new URLSearchParams(fromHash ? location.hash.slice(1) : location.search)];
if (fromHash) console.warn(`<treaty-chart> embed: the options after “#” are read as if after “?”; write ${location.pathname.split('/').pop()}?${location.hash.slice(1)}.`);
// Options after "#" as well as after "?" (embed.html?chart=map#treaty=icrmw): only the "?" part counts; say so.
// (A WordPress embed's own #?secret=… is not an option.)
if (location.search && /^#[^?]*=/.test(location.hash)) {
  console.warn(`<treaty-chart> embed: the options after “#” are ignored when the address has a “?” part; write them after it, joined by “&”: ${location.pathname.split('/').pop()}${location.search}&${location.hash.slice(1)}.`);
}
// A parameter's name as meant: "&amp;as-of=" copied from HTML source arrives as "amp;as-of".
const bare = (k) => k.replace(/^(amp;)+/, '');
const el = document.createElement('treaty-chart');
el.id = 'chart';
// An iframe is drawn as soon as it loads, even far below the fold, so that its height is known before the reader
// gets there.
el.setAttribute('eager', '');
// A page made for one chart (embed-<chart>.html) names it; the address can still choose another.
const named = document.body.dataset.chart;
const ownChart = named && !named.startsWith('<') && !pairs.some(([k]) => bare(k) === 'chart');
if (ownChart) el.setAttribute('chart', named);
// Its example options (embed-country.html: a state) where the address gives none.
if (ownChart) {
  for (const [k, v] of new URLSearchParams(document.body.dataset.defaults ?? '')) {
    if (optionNames.includes(k) && !pairs.some(([p]) => bare(p) === k)) el.setAttribute(k, v);
  }
}
// The page's language is the chart's, for screen readers and translation tools.
const lang = pairs.find(([k]) => bare(k) === 'lang')?.[1]?.trim().split(/[-_]/)[0].toLowerCase();
if (lang && registry?.locales.includes(lang)) document.documentElement.lang = lang;
for (const [k, v] of pairs) {
  const name = bare(k);
  if (name === 'controls') el.setAttribute('controls', v); // controls=false is off, as on the element
  else if (name === 'eager') continue; // an iframe page always draws at once
  else if (optionNames.includes(name) && !el.hasAttribute(name)) el.setAttribute(name, v);
}
document.body.prepend(el);
// The page's title is the chart's accessible name (its headline, or for a country card the state and what the card
// is about), in its language and for the chart the address chose (a screen reader
// announces it, and a browser shows it for a page opened on its own).
el.addEventListener('treaty-chart-rendered', (e) => { document.title = e.detail.label; });
let problem = '';
try {
  await whenReady(el.getAttribute('chart') ?? undefined, pairs.find(([k]) => bare(k) === 'lang')?.[1]);
  embedParams(pairs.filter(([k]) => !['controls', 'eager'].includes(bare(k))).flat());
} catch (e) {
  // A string is a refused address; anything else is a module that could not load, which the element reports.
  if (typeof e === 'string') problem = e;
}
if (problem) {
  el.remove();
  const box = document.createElement('p');
  box.className = 'tc-error';
  box.setAttribute('role', 'alert');
  const lead = document.createElement('strong');
  lead.textContent = `${messagesFor(pairs.find(([k]) => bare(k) === 'lang')?.[1]).errorLead} `;
  box.append(lead, problem);
  document.body.prepend(box);
  console.error(`<treaty-chart> embed: ${problem}`);
}

// Responsive iframe: tell the host page this page's height whenever it settles at a new value (after a render,
// an error, text re-wrapping on resize; growing or shrinking), in every protocol a host may listen for:
// - ours: {type: "treaty-chart:height", height}
// - AMP's <amp-iframe resizable>: {sentinel: "amp", type: "embed-size", height}
// - Pym.js: "pymxPYMx<childId>xPYMxheightxPYMx<height>" (the childId is in the address Pym gives the iframe)
// - WordPress embeds: {secret, message: "height", value} (the secret is in the address's #?secret=…)
// - native iframe sizing (Chromium 154+, `frame-sizing: content-height` on the host's iframe):
//   window.requestResize(), with the <meta name="responsive-embedded-sizing"> above.
// Heights only, nothing private, so any origin may read them. Waiting two frames lets a resize redraw first.
const params = new URLSearchParams(location.search);
const childId = params.get('childId');
const secret = new URLSearchParams(location.hash.replace(/^#\??/, '')).get('secret');
let last = -1;
let pending = 0;
const post = () => {
  pending = 0;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last) return;
  last = height;
  if (window.parent === window) return;
  // Only a framed document may ask; a browser without native sizing, or a host iframe without frame-sizing,
  // may refuse: the messages below are the fallback.
  try { if (typeof window.requestResize === 'function') window.requestResize(); } catch { /* refused: messages only */ }
  const to = (m) => window.parent.postMessage(m, '*');
  to({ type: 'treaty-chart:height', height });
  to({ sentinel: 'amp', type: 'embed-size', height });
  if (childId !== null) to(`pymxPYMx${childId}xPYMxheightxPYMx${height}`);
  if (secret) to({ secret, message: 'height', value: height });
};
let timer = 0;
const soon = () => {
  cancelAnimationFrame(pending);
  clearTimeout(timer);
  pending = requestAnimationFrame(() => { pending = requestAnimationFrame(post); });
  // A cross-origin iframe out of view gets no frames and no resize observations: a timer posts all the same.
  timer = setTimeout(post, 250);
};
new ResizeObserver(soon).observe(document.body);
document.addEventListener('treaty-chart-rendered', soon);
document.addEventListener('treaty-chart-error', soon);
if (problem) soon();
