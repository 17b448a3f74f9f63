/**
 * Every route file's exported HTTP method has its contract (lib/contract), and every contract has its route:
 * a route added without one, or a contract left behind by a removed route, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_CONTRACT, appRouterPath, contractFor } from '@/lib/contract';

const API_DIR = path.resolve(__dirname, '..', '..', 'app', 'api');
const METHOD_EXPORT = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/** `METHOD /api/...` for every exported handler, in the App Router's notation (`[id]`). */
function exportedRoutes(): string[] {
  return routeFiles(API_DIR).flatMap((file) => {
    const route = `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join('/')}`;
    return [...readFileSync(file, 'utf8').matchAll(METHOD_EXPORT)].map((m) => `${m[1]} ${route}`);
  });
}

describe('the API contract covers every route', () => {
  const exported = exportedRoutes();
  const contracted = API_CONTRACT.map((r) => `${r.method} ${appRouterPath(r.path)}`);

  it('finds the route files (the walk itself works)', () => {
    expect(exported.length).toBeGreaterThan(30);
    expect(exported).toContain('PUT /api/designs/[id]');
  });

  it('has a contract for every exported method of every route file', () => {
    expect(exported.filter((r) => !contracted.includes(r))).toEqual([]);
  });

  it('has a route file for every contract', () => {
    expect(contracted.filter((r) => !exported.includes(r))).toEqual([]);
  });

  it('declares each method and path once', () => {
    expect(new Set(contracted).size).toBe(contracted.length);
  });

  it('finds the contract of a concrete request path, static segments before {id}', () => {
    expect(contractFor('GET', '/api/designs/42')?.path).toBe('/api/designs/{id}');
    expect(contractFor('POST', '/api/designs/validate')?.path).toBe('/api/designs/validate');
    expect(contractFor('HEAD', '/api/connectors/events')?.path).toBe('/api/connectors/events');
    expect(contractFor('PATCH', '/api/designs/42')).toBeNull();
  });
});
