// Provider load: the preset/provider pressure map (7, 30, 90 days) and the current load alerts with their deep links.
import { paths, requestJson } from './api.js';
import { el, number, percent } from './dom.js';

const WINDOWS = ['7', '30', '90'];
const DOMINANT_SHARE = 0.6;
let report = null;
let shownWindow = '7';

/** Preset and provider pairs where the provider takes more than 60% of the preset's engagements in 7 days. A provider
 * may serve one preset through several services, so its shares add up across them. */
function dominantPairs(entries) {
  const shares = new Map();
  for (const entry of entries) {
    const key = `${entry.presetId}\u0000${entry.providerId}`;
    shares.set(key, (shares.get(key) ?? 0) + entry.engagementShare);
  }
  return new Set([...shares].filter(([, share]) => share > DOMINANT_SHARE).map(([key]) => key));
}

function amount(entry) {
  return `${Number(entry.amountTotal ?? 0).toFixed(2)}${entry.currency ? ` ${entry.currency}` : ''}`;
}

function renderWindow() {
  const windows = report.presetProviderEngagements?.windows ?? {};
  const window = windows[shownWindow];
  const dominant = dominantPairs(windows['7']?.entries ?? []);
  const table = document.getElementById('load-table');
  table.querySelector('[data-role="caption"]').textContent = `Last ${shownWindow} days`;
  for (const button of document.querySelectorAll('#load-windows button')) {
    button.setAttribute('aria-pressed', String(button.dataset.window === shownWindow));
  }
  const entries = window?.entries ?? [];
  if (entries.length === 0) {
    table.tBodies[0].replaceChildren(el('tr', {}, el('td', { colspan: 6, class: 'empty' }, 'No engagements in this window')));
    return;
  }
  table.tBodies[0].replaceChildren(...entries.map((entry) => {
    const hot = shownWindow === '7' && dominant.has(`${entry.presetId}\u0000${entry.providerId}`);
    return el('tr', { class: hot ? 'dominant' : null, 'data-preset': entry.presetId, 'data-provider': entry.providerId },
      el('td', {}, entry.presetLabel ?? entry.presetId),
      el('td', {}, entry.providerName ?? entry.providerId,
        hot ? el('span', { class: 'badge dominant' }, 'over 60% of preset') : null),
      el('td', {}, entry.serviceAction ?? entry.serviceId),
      el('td', { class: 'num' }, number(entry.engagements)),
      el('td', { class: 'num' }, percent(entry.engagementShare)),
      el('td', { class: 'num' }, amount(entry)));
  }));
}

/** Link texts that say where each deep link goes, so a list of alerts does not read "Orders, Orders, ...". */
function linkText(name, alert) {
  const preset = alert.presetLabel ?? alert.presetId;
  const provider = alert.providerName ?? alert.providerId;
  return { merchandising: `${preset} in merchandising`, fulfillment: `${provider} in fulfillment`,
    orders: `Orders of ${provider} for ${preset}` }[name] ?? name;
}

function renderAlerts() {
  const alerts = report.providerLoadAlerts ?? [];
  const target = document.getElementById('load-alerts');
  if (alerts.length === 0) {
    target.replaceChildren(el('p', { class: 'empty' }, 'No load alerts'));
    return;
  }
  target.replaceChildren(el('ul', { class: 'load-alerts' }, ...alerts.map((alert) => el('li', {},
    el('p', {}, el('strong', {}, alert.providerName ?? alert.providerId), ' takes ',
      el('strong', {}, percent(alert.shortShare)), ` of ${alert.presetLabel ?? alert.presetId} over ${alert.shortWindowDays} days `
      + `(${percent(alert.longShare)} over ${alert.longWindowDays} days, +${percent(alert.shareDelta)}; `
      + `${number(alert.shortEngagements)} engagements)`),
    el('p', { class: 'links' }, ...Object.entries(alert.links ?? {}).map(([name, href]) =>
      el('a', { href }, linkText(name, alert))))))));
}

export async function loadProviderLoad() {
  report = await requestJson(paths.blueprintMetrics);
  renderWindow();
  renderAlerts();
}

export function initLoadCard() {
  const picker = document.getElementById('load-windows');
  picker.replaceChildren(...WINDOWS.map((days) => el('button',
    { type: 'button', class: 'secondary', 'data-window': days, 'aria-pressed': String(days === shownWindow) }, `${days} days`)));
  picker.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-window]');
    if (button && report) {
      shownWindow = button.dataset.window;
      renderWindow();
    }
  });
}
