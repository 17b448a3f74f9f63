/**
 * Path matching for the emulated API: `/api/...` paths with `:name`
 * parameters. Distinguishes "no such path" (404) from "path exists, method
 * not allowed" (405 with Allow).
 */
import type { ApiResult } from './http';

export interface RequestContext {
  req: Request;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  now: number;
}

export type Handler = (ctx: RequestContext) => ApiResult | Promise<ApiResult>;

export interface Route {
  pattern: string;
  methods: Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', Handler>>;
}

export type Match =
  | { kind: 'found'; handler: Handler; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

function matchPattern(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] as string; // as many segments as parts (checked above)
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

export function matchRoute(routes: Route[], method: string, apiPath: string): Match {
  const segments = apiPath.split('/').filter(Boolean);
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    const handler = route.methods[method as keyof Route['methods']];
    if (handler) return { kind: 'found', handler, params };
    return { kind: 'method-not-allowed', allow: Object.keys(route.methods) };
  }
  return { kind: 'not-found' };
}
