// DOM building and formatting shared by the cards. Every value from the service goes in as text, never as HTML.

/** `el('td', {class: 'num'}, 'text', childNode)`; attributes with null or false are left out. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS = [
  ['year', 365 * 24 * 3600], ['month', 30 * 24 * 3600], ['day', 24 * 3600], ['hour', 3600], ['minute', 60], ['second', 1],
];

/** "3 minutes ago", "in 2 hours". */
export function relative(iso, now = Date.now()) {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Math.abs(seconds) < 10) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return RELATIVE.format(Math.round(seconds / size), unit);
    }
  }
  return '';
}

/** "2026-12-05 23:41:07 UTC": one unambiguous form for every operator, whatever their time zone. */
export function absolute(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A `<time>` showing the relative time, with the absolute one beside it. */
export function timeElement(iso) {
  return el('span', { class: 'when' },
    el('time', { datetime: iso, title: absolute(iso) }, relative(iso)),
    el('span', { class: 'absolute' }, ` (${absolute(iso)})`));
}

export function number(value) {
  return typeof value === 'number' ? value.toLocaleString('en') : '–';
}

/** "1 alert", "3 alerts". */
export function count(value, noun) {
  return `${number(value)} ${value === 1 ? noun : `${noun}s`}`;
}

export function percent(fraction) {
  return typeof fraction === 'number' ? `${(fraction * 100).toFixed(1)}%` : '–';
}

/** A description list from [label, value] pairs; pairs with an undefined value are left out. */
export function facts(pairs) {
  const list = el('dl', { class: 'facts' });
  for (const [label, value] of pairs) {
    if (value === undefined) continue;
    list.append(el('dt', {}, label), el('dd', {}, value ?? '–'));
  }
  return list;
}

/** Runs `action` with the button busy (disabled, "…ing" label), then restores it. */
export async function withBusyButton(button, busyLabel, action) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = busyLabel;
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}

/** Sets a live message; `kind` is "ok", "error" or "" (neutral). */
export function say(target, text, kind = '') {
  target.textContent = text;
  target.className = `message ${kind}`.trim();
}
