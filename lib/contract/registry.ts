/**
 * The shape of one route's contract: method, OpenAPI-style path (`{id}`), what it does, what it takes
 * (path parameters, query, body) and what it answers per status. The access a route needs is the
 * access policy's (lib/auth/policy-table.ts, one table of roles), joined in where the document is built
 * (lib/route/openapi.ts): shapes stay below the HTTP and auth layers that parse with them.
 */
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ResponseSpec {
  description: string;
  /** The JSON body's schema; absent for a body that is not JSON (`contentType`) or none at all. */
  schema?: z.ZodType;
  /** Default application/json when `schema` is given. */
  contentType?: string;
}

export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI style: `/api/designs/{id}`. */
  path: string;
  summary: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A body that is not JSON: its content type (the HCL text of `POST /api/hcl/parse`). */
  bodyContentType?: string;
  bodyRequired?: boolean;
  responses: Record<number, ResponseSpec>;
}

export type RouteContract<S extends RouteSpec = RouteSpec> = S;

/** `/api/designs/{id}` → `/api/designs/[id]` (the App Router's folder names, as the access policy has them). */
export function appRouterPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, '[$1]');
}

export function openApiPath(appPath: string): string {
  return appPath.replace(/\[(\w+)\]/g, '{$1}');
}

/** A route's contract (its types kept exact for the client). */
export function defineRoute<const S extends RouteSpec>(spec: S): RouteContract<S> {
  return spec;
}

/** The body a route answers `status` with, as its schema parses it. */
export type ResponseOf<R extends RouteSpec, S extends keyof R['responses']> = R['responses'][S] extends {
  schema: z.ZodType<infer T>;
}
  ? T
  : never;
/** The JSON body a route takes, as a client writes it. */
export type BodyOf<R extends RouteSpec> = R['body'] extends z.ZodType ? z.input<R['body']> : never;
/** The query a route takes, as a client writes it. */
export type QueryOf<R extends RouteSpec> = R['query'] extends z.ZodType ? z.input<R['query']> : never;
