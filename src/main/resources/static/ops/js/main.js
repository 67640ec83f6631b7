// Sign-in and the refresh of every card.
import { apiKey, triggerToken, whenUnauthorized } from './api.js';
import { say } from './dom.js';
import { initExportCard, loadExportStatus } from './export-card.js';
import { initHistoryCard, loadHistory } from './history-card.js';
import { initLoadCard, loadProviderLoad } from './load-card.js';
import { initStatusCard, loadStatus } from './status-card.js';

const REFRESH_MILLIS = 30000;
let refreshTimer = null;

const signIn = () => document.getElementById('sign-in');
const consoleCards = () => document.getElementById('console');

function showSignIn(message, kind = 'error') {
  clearInterval(refreshTimer);
  consoleCards().hidden = true;
  document.getElementById('sign-out').hidden = true;
  signIn().hidden = false;
  say(document.getElementById('sign-in-message'), message ?? '', message ? kind : '');
  const input = document.getElementById('api-key');
  input.value = '';
  input.focus();
}

/** Each card loads on its own, so one failing endpoint leaves the others filled. */
async function refresh(loaders) {
  await Promise.all(loaders.map(async ([cardId, load]) => {
    try {
      await load();
    } catch (error) {
      if (error.status === 401) return;
      const card = document.getElementById(cardId);
      let notice = card.querySelector(':scope > .load-error');
      if (!notice) {
        notice = document.createElement('p');
        notice.setAttribute('role', 'alert');
        card.querySelector('h2').after(notice);
      }
      say(notice, `Could not load: ${error.message}`, 'error');
      notice.classList.add('load-error');
      return;
    }
    document.getElementById(cardId).querySelector(':scope > .load-error')?.remove();
  }));
}

const everything = [
  ['status-card', loadStatus], ['history-card', loadHistory], ['load-card', loadProviderLoad],
  ['export-card', loadExportStatus],
];
const runState = [['status-card', loadStatus], ['history-card', loadHistory]];

function showConsole() {
  signIn().hidden = true;
  consoleCards().hidden = false;
  document.getElementById('sign-out').hidden = false;
  refresh(everything);
  clearInterval(refreshTimer);
  refreshTimer = setInterval(() => refresh(everything), REFRESH_MILLIS);
}

function start() {
  whenUnauthorized(() => showSignIn('The API key was refused (401 Invalid API key). Enter the operator API key again.'));
  initStatusCard(() => refresh(runState));
  initHistoryCard();
  initLoadCard();
  initExportCard();
  document.getElementById('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = document.getElementById('api-key').value.trim();
    if (!key) return;
    apiKey.set(key);
    document.getElementById('api-key').value = '';
    showConsole();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    apiKey.clear();
    triggerToken.clear();
    showSignIn('Signed out.', '');
  });
  if (apiKey.get()) {
    showConsole();
  } else {
    showSignIn();
  }
}

start();
