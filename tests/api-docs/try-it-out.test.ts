/**
 * Which operations the API reference's "Try it out" may send: reads and
 * checks any signed-in user may make, never a write, never sign-in/out or the
 * endless event stream; and how document paths and policy routes are matched.
 */
import { describe, expect, it } from 'vitest';
import { joinPath, operationKey, serverBasePath } from '@/components/api-docs/operation-key';
import { readOnlyOperations } from '@/components/api-docs/read-only-operations';
import { API_POLICY } from '@/lib/auth/policy-table';

describe('readOnlyOperations', () => {
  const tryable = new Set(readOnlyOperations());

  it('lets reads and checks be tried', () => {
    for (const key of [
      'GET /api/health',
      'GET /api/connectors',
      'GET /api/connectors/{}',
      'POST /api/designs/validate',
      'POST /api/hcl/parse',
      'POST /api/connectors/{}/plan',
      'GET /api/catalog/{}',
      'HEAD /api/health',
    ]) {
      expect(tryable.has(key), key).toBe(true);
    }
  });

  it('never a write: every method the policy gives more than view stays out', () => {
    const writes = Object.entries(API_POLICY).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, access]) => access !== 'view' && access !== 'public')
        .map(([method]) => operationKey(method, path)),
    );
    expect(writes).toContain('DELETE /api/connectors/{}');
    expect(writes).toContain('POST /api/designs/{}/provision');
    for (const key of writes) expect(tryable.has(key), key).toBe(false);
  });

  it('not sign-in, sign-out or the event stream', () => {
    for (const key of [
      'GET /api/auth/login',
      'GET /api/auth/callback',
      'POST /api/auth/logout',
      'GET /api/connectors/events',
    ]) {
      expect(tryable.has(key), key).toBe(false);
    }
  });
});

describe('operationKey', () => {
  it('matches a document path to its route whatever the parameter is called', () => {
    expect(operationKey('post', '/api/connectors/{connectorId}/plan')).toBe(
      operationKey('POST', '/api/connectors/[id]/plan'),
    );
    expect(operationKey('get', '/api/designs/validate')).not.toBe(operationKey('get', '/api/designs/{id}'));
  });
});

describe('serverBasePath', () => {
  const origin = 'http://127.0.0.1:3000';
  it('is the path of the first server, or / without one', () => {
    expect(serverBasePath(undefined, origin)).toBe('/');
    expect(serverBasePath([], origin)).toBe('/');
    expect(serverBasePath([{ url: '/' }], origin)).toBe('/');
    expect(serverBasePath([{ url: 'https://studio.example.com/base/' }], origin)).toBe('/base');
    expect(serverBasePath([{ url: '{scheme}://host' }], origin)).toBe('/');
    expect(joinPath('/base', '/api/health')).toBe('/base/api/health');
    expect(joinPath('/', '/api/health')).toBe('/api/health');
  });
});
