// The page's only way to the service: same-origin fetches of the public REST endpoints. Credentials live in
// sessionStorage (this tab only, gone when it closes), never in localStorage or a URL.

const API_KEY = 'ops.apiKey';
const TRIGGER_TOKEN = 'ops.exportTriggerToken';

export const paths = {
  status: '/api/v1/fulfillment/providers/automation/status',
  history: (limit) => `/api/v1/fulfillment/providers/automation/status/history?limit=${limit}`,
  replayRun: '/api/v1/fulfillment/providers/automation/replay/run',
  alertsRun: '/api/v1/fulfillment/providers/automation/alerts/run',
  blueprintMetrics: '/api/v1/reporting/blueprint-metrics',
  exportStatus: '/api/v1/reporting/guardrails/followups/export/status',
  exportDownload: '/api/v1/reporting/guardrails/followups/export/download',
  exportRun: '/api/v1/reporting/guardrails/followups/export/runs',
  exportRunRecord: (runId) => `/api/v1/reporting/guardrails/followups/export/runs/${encodeURIComponent(runId)}`,
};

export const apiKey = {
  get: () => sessionStorage.getItem(API_KEY),
  set: (value) => sessionStorage.setItem(API_KEY, value),
  clear: () => sessionStorage.removeItem(API_KEY),
};

export const triggerToken = {
  get: () => sessionStorage.getItem(TRIGGER_TOKEN),
  set: (value) => sessionStorage.setItem(TRIGGER_TOKEN, value),
  clear: () => sessionStorage.removeItem(TRIGGER_TOKEN),
};

/** A non-2xx answer, with the service's `detail` (or the spec's `error`) as its message. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.detail ?? body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

let onUnauthorized = () => {};

/** Called when the operator key is refused (401), after the key is forgotten. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

async function send(path, { method = 'GET', auth = 'key' } = {}) {
  const headers = { Accept: 'application/json' };
  if (auth === 'key') {
    headers['X-API-Key'] = apiKey.get() ?? '';
  } else if (auth === 'trigger') {
    headers.Authorization = `Bearer ${triggerToken.get() ?? ''}`;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, cache: 'no-store', credentials: 'omit' });
  } catch (networkError) {
    throw new ApiError(0, { detail: `The service did not answer (${networkError.message})` });
  }
  if (response.status === 401 && auth === 'key') {
    apiKey.clear();
    onUnauthorized();
  }
  return response;
}

async function bodyOf(response) {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { detail: text.slice(0, 200) };
  }
}

/** JSON of a 2xx answer; anything else throws an ApiError. */
export async function requestJson(path, options) {
  const response = await send(path, options);
  const body = await bodyOf(response);
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

/** The raw answer of a 2xx request (for downloads); anything else throws an ApiError. */
export async function requestRaw(path, options) {
  const response = await send(path, options);
  if (!response.ok) {
    throw new ApiError(response.status, await bodyOf(response));
  }
  return response;
}
