// Run history: the last 50 runs of both types, filterable, with a small inline-SVG chart.
import { paths, requestJson } from './api.js';
import { absolute, count, el, number, svg, timeElement } from './dom.js';

const SHOWN = 50;
let runs = [];

/** The history endpoint has no status field: alert runs carry `status` in their summary; a replay batch that
 * aborted carries `error` (replay-and-history.md 5.9), otherwise it is a success. */
function statusOf(run, type) {
  const summary = run.summary ?? {};
  if (type === 'alert' && typeof summary.status === 'string') return summary.status;
  return summary.error ? 'failed' : 'success';
}

function details(run) {
  const s = run.summary ?? {};
  if (run.type === 'replay') {
    const parts = [`backlog ${number(s.scheduledBacklog)}`];
    if (s.error) parts.push(`error: ${s.error}`);
    return parts.join(' · ');
  }
  return `${count(s.alerts, 'alert')}, ${count(s.loadAlerts, 'load alert')}, `
    + `${number(s.autoPaused)} paused, ${number(s.autoResumed)} resumed`;
}

function filtered() {
  const type = document.getElementById('history-type').value;
  const status = document.getElementById('history-status').value;
  return runs.filter((run) => (!type || run.type === type) && (!status || run.status === status));
}

const SERIES = [
  { name: 'Processed', className: 'processed', value: (run) => run.summary?.processed },
  { name: 'Failed', className: 'failed', value: (run) => run.summary?.failed },
  { name: 'Alerts sent', className: 'alerts-sent', value: (run) => run.summary?.alertsSent },
];

function chart(shown) {
  const points = [...shown].reverse();
  if (points.length === 0) {
    return el('p', { class: 'empty' }, 'No runs recorded');
  }
  const width = 640;
  const height = 160;
  const pad = { left: 36, right: 12, top: 10, bottom: 22 };
  const times = points.map((run) => Date.parse(run.ranAt));
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const max = Math.max(1, ...points.flatMap((run) => SERIES.map((s) => s.value(run) ?? 0)));
  const x = (t) => pad.left + (last === first ? (width - pad.left - pad.right) / 2
    : ((t - first) / (last - first)) * (width - pad.left - pad.right));
  const y = (v) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);

  const plot = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'plot',
    'aria-label': `Chart of ${points.length} runs from ${absolute(points[0].ranAt)} to ${absolute(points.at(-1).ranAt)}; `
      + `the table below has the same numbers` });
  plot.append(
    svg('line', { x1: pad.left, y1: y(0), x2: width - pad.right, y2: y(0), class: 'axis' }),
    svg('line', { x1: pad.left, y1: y(max), x2: pad.left, y2: y(0), class: 'axis' }),
    svg('text', { x: pad.left - 4, y: y(max) + 4, class: 'tick', 'text-anchor': 'end' }, String(max)),
    svg('text', { x: pad.left - 4, y: y(0) + 4, class: 'tick', 'text-anchor': 'end' }, '0'),
    svg('text', { x: pad.left, y: height - 4, class: 'tick' }, absolute(points[0].ranAt).slice(5, 16)),
    svg('text', { x: width - pad.right, y: height - 4, class: 'tick', 'text-anchor': 'end' },
      absolute(points.at(-1).ranAt).slice(5, 16)));
  for (const series of SERIES) {
    const measured = points.filter((run) => typeof series.value(run) === 'number');
    if (measured.length === 0) continue;
    plot.append(svg('polyline', { class: `series ${series.className}`,
      points: measured.map((run) => `${x(Date.parse(run.ranAt)).toFixed(1)},${y(series.value(run)).toFixed(1)}`).join(' ') }));
    for (const run of measured) {
      plot.append(svg('circle', { class: `series ${series.className}`, r: 3,
        cx: x(Date.parse(run.ranAt)).toFixed(1), cy: y(series.value(run)).toFixed(1) },
      svg('title', {}, `${series.name}: ${series.value(run)} (${run.type}, ${absolute(run.ranAt)})`)));
    }
  }
  const legend = el('ul', { class: 'legend' },
    ...SERIES.map((s) => el('li', { class: s.className }, s.name)));
  return el('div', {}, plot, legend);
}

function render() {
  const shown = filtered();
  document.querySelector('#history-chart [data-role="plot"]').replaceChildren(chart(shown));
  document.getElementById('history-count').textContent = runs.length === 0
    ? '' : `${shown.length} of the last ${runs.length} runs shown`;
  const body = document.querySelector('#history-table tbody');
  if (shown.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'empty' },
      runs.length === 0 ? 'No runs recorded' : 'No run matches these filters')));
    return;
  }
  body.replaceChildren(...shown.map((run) => el('tr', { 'data-type': run.type, 'data-status': run.status },
    el('td', {}, timeElement(run.ranAt)),
    el('td', {}, run.type),
    el('td', {}, el('span', { class: `badge ${run.status}` }, run.status)),
    el('td', { class: 'num' }, number(run.summary?.processed)),
    el('td', { class: 'num' }, number(run.summary?.failed)),
    el('td', { class: 'num' }, number(run.summary?.alertsSent)),
    el('td', {}, details(run)))));
}

export async function loadHistory() {
  // the endpoint limits each type on its own: take 50 of each, then the newest 50 of both
  const history = await requestJson(paths.history(SHOWN));
  runs = [
    ...history.replay.map((run) => ({ ...run, type: 'replay', status: statusOf(run, 'replay') })),
    ...history.alerts.map((run) => ({ ...run, type: 'alert', status: statusOf(run, 'alert') })),
  ].sort((a, b) => Date.parse(b.ranAt) - Date.parse(a.ranAt)).slice(0, SHOWN);
  render();
}

export function initHistoryCard() {
  document.getElementById('history-filters').addEventListener('change', render);
  document.getElementById('history-filters').addEventListener('submit', (event) => event.preventDefault());
}
