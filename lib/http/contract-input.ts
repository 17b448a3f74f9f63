/**
 * A route's input parsed with its contract (lib/contract): path parameters (a value that cannot name anything is
 * a 404), query parameters and JSON bodies (400, or the status a schema's check names, e.g. 413 for a note too
 * long), each refusal the schema's own message.
 */
import type { z } from 'zod';
import { readJsonObject } from './body';
import { ApiError } from './response';

type Where = 'params' | 'query' | 'body';

function refusal(error: z.ZodError, where: Where): ApiError {
  // An unknown field is named first, whatever else is wrong: the caller may have misspelt the field that is missing.
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0];
  const custom = issue?.code === 'custom' ? (issue.params as { status?: unknown } | undefined)?.status : undefined;
  const status = where === 'params' ? 404 : typeof custom === 'number' ? custom : 400;
  const message = issue?.message ?? 'Malformed request';
  // zod's own wording ("Invalid input: expected string") gets the field it is about; the contract's messages name it already.
  const named =
    /^(Invalid|Too (big|small)|Expected)/.test(message) && issue && issue.path.length > 0
      ? `"${issue.path.join('.')}": ${message}`
      : message;
  return new ApiError(status, named);
}

/** `value` as `schema` parses it; the ApiError of its first problem otherwise. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: Where): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw refusal(result.error, where);
  return result.data;
}

/** The route's path parameters (awaited from the App Router's context). */
export async function parseParams<S extends z.ZodType>(
  schema: S,
  params: Promise<Record<string, string>>,
): Promise<z.output<S>> {
  return parseInput(schema, await params, 'params');
}

/** The request's query (a repeated parameter: its last value), parsed. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return parseInput(schema, Object.fromEntries(new URL(req.url).searchParams), 'query');
}

/** A JSON object body (size, type and limits as `readJsonObject`), parsed. */
export async function parseJsonBody<S extends z.ZodType>(schema: S, req: Request): Promise<z.output<S>> {
  return parseInput(schema, await readJsonObject(req), 'body');
}
