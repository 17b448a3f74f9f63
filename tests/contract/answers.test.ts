/**
 * The check every API test's answers go through (tests/helpers/contract-check.ts): it must refuse what breaks a
 * route's contract, or the API tests would prove nothing about the contract.
 */
import { describe, expect, it } from 'vitest';
import { checkAnswerAgainstContract } from '../helpers/contract-check';

const JSON_TYPE = 'application/json';
const version = { id: 7, version: 2, note: '', created_at: '2026-01-01T00:00:00Z' };

describe('checking an answer against its route contract', () => {
  it('accepts an answer its route lists, with the body its schema takes', () => {
    expect(() =>
      checkAnswerAgainstContract('GET', '/api/designs/7/versions', 200, JSON_TYPE, { id: 7, versions: [version] }),
    ).not.toThrow();
    expect(() =>
      checkAnswerAgainstContract('POST', '/api/designs/7/restore', 200, JSON_TYPE, { id: 7, deleted: false }),
    ).not.toThrow();
  });

  it('refuses a body that misses a field or has the wrong type, naming the field', () => {
    expect(() => checkAnswerAgainstContract('GET', '/api/designs/7/versions', 200, JSON_TYPE, { id: 7 })).toThrow(
      /GET \/api\/designs\/7\/versions answered 200.*at versions/,
    );
    expect(() =>
      checkAnswerAgainstContract('POST', '/api/designs/7/restore', 200, JSON_TYPE, { id: '7', deleted: false }),
    ).toThrow(/at id/);
  });

  it('refuses a success status the route does not list', () => {
    expect(() => checkAnswerAgainstContract('DELETE', '/api/designs/7', 204, null, undefined)).toThrow(
      /lists 200, 404 only/,
    );
  });

  it('takes any refusal in the common error shape, and only in it', () => {
    expect(() =>
      checkAnswerAgainstContract('PUT', '/api/designs/7', 415, JSON_TYPE, { error: 'Send JSON' }),
    ).not.toThrow();
    expect(() =>
      checkAnswerAgainstContract('PATCH', '/api/designs/7', 405, JSON_TYPE, { error: 'Method PATCH is not allowed' }),
    ).not.toThrow();
    expect(() => checkAnswerAgainstContract('PUT', '/api/designs/7', 400, JSON_TYPE, { message: 'bad' })).toThrow(
      /error body/,
    );
    expect(() => checkAnswerAgainstContract('GET', '/api/designs', 500, 'text/html', '<h1>oops</h1>')).toThrow(
      /must be JSON/,
    );
  });

  it('leaves paths outside the API alone', () => {
    expect(() => checkAnswerAgainstContract('GET', '/emulator/api/tenantnetworks', 200, JSON_TYPE, [])).not.toThrow();
  });
});
