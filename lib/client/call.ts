/**
 * The browser's typed call of a route through its contract (lib/contract): the path filled in from `params`, the
 * query and JSON body typed as the contract takes them, and the answer parsed with the route's success schema, so a
 * body that does not match becomes an `ApiError` naming the route, not a crash later on.
 */
import '@/lib/util/zod-jitless';
import type { z } from 'zod';
import type { ApiErrorBody } from '@/lib/contract/common';
import type { BodyOf, ResponseOf, RouteSpec } from '@/lib/contract/registry';

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.error);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

async function readErrorBody(response: Response): Promise<ApiErrorBody> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as Partial<ApiErrorBody>;
    if (parsed && typeof parsed.error === 'string') return parsed as ApiErrorBody;
  } catch {
    // Not JSON (a proxy or crash page): fall through to a generic message.
  }
  return { error: `The server answered ${response.status} ${response.statusText}`.trim() };
}

/** Fetches a proxy route and parses its JSON; throws `ApiError` on non-2xx. */
export async function apiJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
      cache: 'no-store',
    });
  } catch (cause) {
    throw new ApiError(0, { error: `Could not reach the server: ${errorMessage(cause)}` });
  }
  if (!response.ok) throw new ApiError(response.status, await readErrorBody(response));
  return (await response.json()) as T;
}

type SuccessStatus = 200 | 201 | 202;
/** The body of the route's success answer (the union when it has several, e.g. 200 and 201 of an import). */
export type SuccessOf<R extends RouteSpec> = {
  [S in keyof R['responses'] & SuccessStatus]: ResponseOf<R, S>;
}[keyof R['responses'] & SuccessStatus];

type ParamsOf<R extends RouteSpec> = R['params'] extends z.ZodType
  ? Record<keyof z.input<R['params']> & string, string | number>
  : never;
type QueryValues<R extends RouteSpec> = R['query'] extends z.ZodType
  ? { [K in keyof z.input<R['query']>]?: string | number | boolean | readonly string[] }
  : never;

export interface CallInput<R extends RouteSpec> {
  params?: ParamsOf<R>;
  query?: QueryValues<R>;
  body?: BodyOf<R>;
}

/** The route's path with its parameters filled in and the query appended (empty values left out). */
export function routeUrl(
  route: Pick<RouteSpec, 'path'>,
  params: Record<string, string | number> = {},
  query: Record<string, unknown> = {},
): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.path}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return search.size > 0 ? `${path}?${search}` : path;
}

function successSchema(route: RouteSpec): z.ZodType | undefined {
  for (const status of [200, 201, 202]) {
    const schema = route.responses[status]?.schema;
    if (schema) return schema;
  }
  return undefined;
}

/** Calls `route` and parses its success answer with the contract; a non-2xx answer throws `ApiError`. */
export async function callRoute<R extends RouteSpec>(route: R, input: CallInput<R> = {}): Promise<SuccessOf<R>> {
  const url = routeUrl(
    route,
    input.params as Record<string, string | number> | undefined,
    input.query as Record<string, unknown> | undefined,
  );
  const init: RequestInit = {
    method: route.method,
    ...(input.body !== undefined ? { body: JSON.stringify(input.body) } : {}),
  };
  const body = await apiJson<unknown>(url, init);
  const schema = successSchema(route);
  if (!schema) return body as SuccessOf<R>;
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ApiError(502, {
      error: `Unexpected answer from ${route.path}: ${result.error.issues[0]?.message ?? 'wrong shape'}`,
    });
  }
  return result.data as SuccessOf<R>;
}
