// Automation status: the newest replay batch and alert run, and their Run now buttons.
import { paths, requestJson } from './api.js';
import { count, el, facts, number, say, timeElement, withBusyButton } from './dom.js';

const card = () => document.getElementById('status-card');
const panel = (kind) => card().querySelector(`.run[data-kind="${kind}"]`);

function replayFacts(summary) {
  return facts([
    ['Processed', number(summary.processed)],
    ['Succeeded', number(summary.succeeded)],
    ['Failed', number(summary.failed)],
    ['Scheduled backlog', number(summary.scheduledBacklog)],
    ['Next scheduled', summary.nextScheduledAt ? timeElement(summary.nextScheduledAt) : 'none pending'],
    ['Error', summary.error],
  ]);
}

function alertFacts(summary) {
  return facts([
    ['Status', summary.status],
    ['Automation alerts', number(summary.alerts)],
    ['Alerts sent', number(summary.alertsSent)],
    ['Load alerts', number(summary.loadAlerts)],
    ['Auto-paused', number(summary.autoPaused)],
    ['Auto-resumed', number(summary.autoResumed)],
    ['Errors', Array.isArray(summary.errors) && summary.errors.length
      ? summary.errors.map((e) => `${e.stage}: ${e.code}`).join(', ') : undefined],
  ]);
}

function render(kind, run) {
  const body = panel(kind).querySelector('[data-role="body"]');
  if (!run) {
    body.replaceChildren(el('p', { class: 'empty' }, 'No runs recorded'));
    return;
  }
  const summary = run.summary ?? {};
  body.replaceChildren(
    el('p', { class: 'ran-at' }, 'Ran ', timeElement(run.ranAt)),
    kind === 'replay' ? replayFacts(summary) : alertFacts(summary));
}

/** One line for the live region after a Run now. */
function resultLine(kind, run) {
  const s = run.summary ?? {};
  if (kind === 'replay') {
    return `Batch finished: ${number(s.processed)} processed, ${number(s.succeeded)} succeeded, `
      + `${number(s.failed)} failed, backlog ${number(s.scheduledBacklog)}.`;
  }
  return `Alert run finished (${s.status ?? 'success'}): ${count(s.alerts, 'automation alert')}, `
    + `${count(s.loadAlerts, 'load alert')}, ${number(s.alertsSent)} sent.`;
}

export async function loadStatus() {
  const status = await requestJson(paths.status);
  render('replay', status.replay);
  render('alerts', status.alerts);
}

/** Wires the Run now buttons; `afterRun` refreshes whatever a new run changes. */
export function initStatusCard(afterRun) {
  for (const button of card().querySelectorAll('[data-role="run-now"]')) {
    const kind = button.dataset.kind;
    const result = panel(kind).querySelector('[data-role="result"]');
    button.addEventListener('click', async () => {
      say(result, kind === 'replay' ? 'Running the replay batch…' : 'Running the alert evaluation…');
      try {
        const run = await withBusyButton(button, 'Running…', () => requestJson(
          kind === 'replay' ? paths.replayRun : paths.alertsRun, { method: 'POST' }));
        say(result, resultLine(kind, run), 'ok');
      } catch (error) {
        say(result, `Run failed${error.status ? ` (${error.status})` : ''}: ${error.message}`, 'error');
      }
      await afterRun();
    });
  }
}
