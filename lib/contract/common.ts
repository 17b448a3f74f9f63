/**
 * Pieces every route's contract shares: the JSON error body, route ids,
 * version numbers, design and change shapes. Pure zod (no server code), so the
 * route handlers, the browser client and the OpenAPI document read the same
 * schemas.
 */
import '@/lib/util/zod-jitless';
import { z } from 'zod';
import type { ConnectorDesign } from '@/lib/connector/design';
import type { DesignChange, PlanSummary } from '@/lib/connector/diff';
import type { MergeConflict } from '@/lib/connector/merge';

/** A field problem: where (a dotted path) and what. */
export const fieldErrorSchema = z
  .object({
    path: z.string(),
    message: z.string(),
    ruleId: z.string().optional(),
    fix: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })
  .meta({ id: 'FieldError' });

/** A reference the server could not resolve against the tenant (409 of a create, update or plan). */
export const unresolvedReferenceSchema = z
  .object({ path: z.string(), value: z.string(), message: z.string() })
  .meta({ id: 'UnresolvedReference' });
export type UnresolvedReference = z.infer<typeof unresolvedReferenceSchema>;

/** Every error answer: `error` always; the rest depends on the route and status. */
export const errorBodySchema = z
  .looseObject({
    error: z.string().describe('What went wrong, in words a user can act on'),
    errors: z.array(fieldErrorSchema).optional().describe('422: every problem, each at its path'),
    unresolved: z
      .array(unresolvedReferenceSchema)
      .optional()
      .describe('409: design references the tenant does not have'),
  })
  .meta({ id: 'Error' });
export type ApiErrorBody = z.infer<typeof errorBodySchema>;

/** 409 of a connector write whose references the tenant does not have. */
export const unresolvedErrorSchema = errorBodySchema.extend({ unresolved: z.array(unresolvedReferenceSchema) });

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A connector design (the `alkira_connector_azure_expressroute` resource as JSON: snake_case attributes, blocks as
 * lists). Checked in full by the designer's rules on the way in; here it only needs to be an object.
 */
export const designSchema = z.custom<ConnectorDesign>(isObject, 'Body must have "design" as a JSON object').meta({
  id: 'ConnectorDesign',
  type: 'object',
  description:
    'A connector design: the alkira_connector_azure_expressroute resource as JSON (snake_case attributes, blocks as lists)',
});

/** An object the server reads or answers as is (a live connector's settings, render options). */
export const jsonObject = <T extends object = Record<string, unknown>>(description: string) =>
  z.custom<T>(isObject, description).meta({ type: 'object', description });

export const isoTime = z.string().describe('ISO 8601 time');

/** A route's positive integer id, as the path carries it. */
export function idParam(what: 'Connector' | 'Design', maxDigits: number) {
  const pattern = new RegExp(`^\\d{1,${maxDigits}}$`);
  return z
    .string()
    .refine((raw) => pattern.test(raw) && Number(raw) > 0, {
      error: (issue) => `${what} ${JSON.stringify(issue.input)} does not exist`,
    })
    .transform(Number)
    .meta({ type: 'integer', minimum: 1, description: `The ${what.toLowerCase()}'s id` });
}

export const connectorIdParams = z.object({ id: idParam('Connector', 15) });
export const designIdParams = z.object({ id: idParam('Design', 9) });

/** A version number from JSON or a query string; `what` names it in the message (`missing`: the message when absent). */
export function versionNumber(what: string, missing?: string) {
  const message = `"${what}" must be a version number (1, 2, ...)`;
  return z
    .union([z.number(), z.string()], { error: (issue) => (issue.input === undefined && missing ? missing : message) })
    .transform((v, ctx) => {
      const n = typeof v === 'string' && /^\d{1,9}$/.test(v.trim()) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1e9) {
        ctx.addIssue({ code: 'custom', message, input: v });
        return z.NEVER;
      }
      return n;
    })
    .meta({ type: 'integer', minimum: 1, description: `${what}: a version number (1, 2, ...)` });
}

export const changeSchema = z
  .object({
    path: z.string(),
    action: z.enum(['create', 'update', 'delete']),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .meta({
    id: 'DesignChange',
    description: 'One difference between two designs (sensitive values as "(sensitive)")',
  }) satisfies z.ZodType<DesignChange>;

export const planSummarySchema = z.object({
  add: z.number().int(),
  change: z.number().int(),
  destroy: z.number().int(),
  text: z.string(),
}) satisfies z.ZodType<PlanSummary>;

const pathSegment = z.union([z.string(), z.number()]);

/** One conflict of a three-way merge (lib/connector/merge.ts): both sides changed the same attribute or block. */
export const mergeConflictSchema = z.object({
  id: z.string(),
  path: z.array(pathSegment),
  kind: z.enum(['attribute', 'block']),
  base: z.unknown().optional(),
  theirs: z.unknown().optional(),
  mine: z.unknown().optional(),
}) satisfies z.ZodType<MergeConflict>;

/** A design validation finding (lib/connector/design.ts DesignIssue). */
export const designIssueSchema = z
  .object({ path: z.string(), message: z.string(), ruleId: z.string().optional(), fix: z.string().optional() })
  .meta({ id: 'DesignIssue' });

/** The design's errors (422): every problem at its path. */
export const designErrorsSchema = errorBodySchema.extend({
  errors: z.array(designIssueSchema),
  warnings: z.array(designIssueSchema).optional(),
});

/** `?flag=` read as a boolean: false for false/0/no, true otherwise (and when absent: `fallback`). */
export function flagParam(fallback: boolean, description: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v === undefined ? fallback : !['false', '0', 'no'].includes(v.toLowerCase())))
    .meta({ type: 'boolean', description });
}
