// Guardrail export health: the status document, the NDJSON download and Run export now (exports.md 3.11, 3.12).
import { paths, requestJson, requestRaw, triggerToken } from './api.js';
import { el, facts, number, say, timeElement, withBusyButton } from './dom.js';

const POLL_MILLIS = 1000;
const POLL_LIMIT = 300;

const body = () => document.querySelector('#export-card [data-role="body"]');
const result = () => document.getElementById('export-result');
const downloadButton = () => document.getElementById('export-download');
const tokenField = () => document.getElementById('export-token-field');
const tokenInput = () => document.getElementById('export-token');

export async function loadExportStatus() {
  let status;
  try {
    status = await requestJson(paths.exportStatus);
  } catch (error) {
    downloadButton().hidden = true;
    if (error.status === 404) {
      body().replaceChildren(el('p', { class: 'empty' }, 'No export has succeeded yet'),
        el('p', { class: 'muted' }, error.message));
      return;
    }
    if (error.status === 401) return;
    body().replaceChildren(el('p', { class: 'message error' }, `Export status unavailable: ${error.message}`));
    return;
  }
  body().replaceChildren(facts([
    ['Rows exported', number(status.rows)],
    ['Next cursor', status.cursor ?? 'none'],
    ['Updated', status.updatedAt ? timeElement(status.updatedAt) : null],
    ['Artifact', status.downloadUrl ?? undefined],
    ['Workflow', status.workflowUrl ? el('a', { href: status.workflowUrl, rel: 'noopener' }, 'View workflow') : undefined],
  ]));
  downloadButton().hidden = false;
}

/** The download endpoint wants the API key in a header, so a plain link cannot fetch it: the file comes through
 * fetch and is handed to the browser as a blob. */
async function download() {
  try {
    const response = await requestRaw(paths.exportDownload);
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1]
      ?? 'guardrail_followups.ndjson';
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(result(), `Downloaded ${name}.`, 'ok');
  } catch (error) {
    say(result(), `Download failed: ${error.message}`, 'error');
  }
}

function askForToken(message) {
  tokenField().hidden = false;
  tokenInput().value = '';
  tokenInput().focus();
  say(result(), message, 'error');
}

async function waitForRun(runId) {
  for (let attempt = 0; attempt < POLL_LIMIT; attempt++) {
    const run = await requestJson(paths.exportRunRecord(runId), { auth: 'trigger' });
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, POLL_MILLIS));
  }
  throw new Error(`run ${runId} is still running; its status will show here when it succeeds`);
}

async function runExport() {
  if (!triggerToken.get()) {
    if (tokenField().hidden || !tokenInput().value) {
      askForToken('Enter the export trigger token, then press Run export now.');
      return;
    }
    triggerToken.set(tokenInput().value);
  }
  tokenField().hidden = true;
  tokenInput().value = '';
  say(result(), 'Starting the export…');
  try {
    const accepted = await requestJson(paths.exportRun, { method: 'POST', auth: 'trigger' });
    say(result(), `Export run ${accepted.runId} started…`);
    const run = await waitForRun(accepted.runId);
    if (run.status === 'succeeded') {
      say(result(), `Export run succeeded: ${number(run.rows)} rows, cursor ${run.cursor ?? 'none'}.`, 'ok');
    } else {
      say(result(), `Export run failed (${run.errorCategory ?? 'unknown error'}).`, 'error');
    }
  } catch (error) {
    if (error.status === 409) {
      say(result(), `A run is already in progress${error.body?.runId ? ` (run ${error.body.runId})` : ''}.`, 'error');
    } else if (error.status === 401) {
      triggerToken.clear();
      askForToken('The export trigger token was refused. Enter it again.');
    } else {
      say(result(), `Export failed${error.status ? ` (${error.status})` : ''}: ${error.message}`, 'error');
    }
  }
  await loadExportStatus();
}

export function initExportCard() {
  downloadButton().addEventListener('click', () => withBusyButton(downloadButton(), 'Downloading…', download));
  document.getElementById('export-run-form').addEventListener('submit', (event) => {
    event.preventDefault();
    withBusyButton(document.getElementById('export-run'), 'Running…', runExport);
  });
}
