/**
 * Every API route file's every exported method has an access rule, and every
 * rule belongs to a route that exists: a new route cannot ship without a role.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessFor, API_POLICY, routePatternFor } from '@/lib/auth/policy-table';
import { can, roleFromClaim, whoMay } from '@/lib/auth/roles';
import { at } from '../helpers/present';

const API_DIR = path.resolve(__dirname, '..', '..', 'app', 'api');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === 'route.ts' ? [path.join(dir, e.name)] : [],
  );
}

function exportedMethods(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g),
  ].map((m) => at(m, 1));
}

const routes = routeFiles(API_DIR).map((file) => ({
  pattern: '/api/' + path.relative(API_DIR, path.dirname(file)).split(path.sep).join('/'),
  methods: exportedMethods(file),
}));

describe('the API access policy', () => {
  it('finds the route files', () => {
    expect(routes.length).toBeGreaterThanOrEqual(12);
  });

  it.each(routes)('covers every method of $pattern', ({ pattern, methods }) => {
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      expect(API_POLICY[pattern]?.[method as 'GET'], `${method} ${pattern}`).toBeDefined();
    }
  });

  it('has no rule for a route or method that does not exist', () => {
    const existing = new Map(routes.map((r) => [r.pattern, r.methods]));
    for (const [pattern, methods] of Object.entries(API_POLICY)) {
      expect(existing.has(pattern), pattern).toBe(true);
      for (const method of Object.keys(methods))
        expect(existing.get(pattern), `${method} ${pattern}`).toContain(method);
    }
  });

  it('matches request paths to routes, static segments first, and refuses unknown ones', () => {
    expect(routePatternFor('/api/connectors/42')).toBe('/api/connectors/[id]');
    expect(routePatternFor('/api/connectors/42/design')).toBe('/api/connectors/[id]/design');
    expect(routePatternFor('/api/auth/me')).toBe('/api/auth/me');
    expect(accessFor('/api/connectors/42', 'DELETE')).toBe('provision');
    expect(accessFor('/api/connectors', 'HEAD')).toBe('view');
    expect(accessFor('/api/connectors', 'PATCH')).toBeUndefined();
    expect(accessFor('/api/nothing-here', 'GET')).toBeUndefined();
  });
});

describe('roles', () => {
  const groups = { operator: ['ops-id'], designer: ['des-id'], viewer: ['view-id', 'audit-id'] };

  it('takes the highest role any claim value grants', () => {
    expect(roleFromClaim(['view-id', 'ops-id'], groups)).toBe('operator');
    expect(roleFromClaim(['audit-id'], groups)).toBe('viewer');
    expect(roleFromClaim('des-id', groups)).toBe('designer');
    expect(roleFromClaim('x des-id', groups)).toBe('designer');
    expect(roleFromClaim(['OPS-ID'], groups)).toBeNull();
    expect(roleFromClaim(undefined, groups)).toBeNull();
    expect(roleFromClaim([{ id: 'ops-id' }], groups)).toBeNull();
  });

  it('lets each role do what the roles below it do', () => {
    expect([can('viewer', 'view'), can('viewer', 'saveDesign'), can('viewer', 'provision')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([can('designer', 'view'), can('designer', 'saveDesign'), can('designer', 'provision')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([can('operator', 'view'), can('operator', 'saveDesign'), can('operator', 'provision')]).toEqual([
      true,
      true,
      true,
    ]);
    expect(can(null, 'view')).toBe(false);
    expect(whoMay('provision')).toBe('Operators only');
    expect(whoMay('saveDesign')).toBe('Designers and operators only');
  });
});
