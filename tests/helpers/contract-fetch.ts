/**
 * Test setup (vitest.config.ts `setupFiles`): every answer a test's `fetch` gets from an app server's `/api/...`
 * is checked against the route's contract (./contract-check.ts), whichever helper made the request; a mismatch
 * fails the test with the route, status and the field that does not match.
 */
import { checkAnswerAgainstContract } from './contract-check';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const plainFetch = globalThis.fetch;

function requestOf(input: Parameters<typeof fetch>[0], init?: RequestInit): { method: string; url: URL } | null {
  try {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    return { method, url };
  } catch {
    return null;
  }
}

async function checkedFetch(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> {
  const response = await plainFetch(input, init);
  const request = requestOf(input, init);
  if (!request || !LOCAL_HOSTS.has(request.url.hostname) || !request.url.pathname.startsWith('/api/')) return response;
  const contentType = response.headers.get('content-type');
  const isJson = (contentType ?? '').toLowerCase().startsWith('application/json');
  let body: unknown;
  if (isJson && request.method !== 'HEAD') {
    try {
      body = JSON.parse(await response.clone().text());
    } catch {
      // An aborted or cut-off body: the test that cut it judges it.
      return response;
    }
  }
  checkAnswerAgainstContract(request.method, request.url.pathname, response.status, contentType, body);
  return response;
}

globalThis.fetch = checkedFetch as typeof fetch;
