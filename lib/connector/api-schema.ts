/**
 * The zod schema of an Alkira REST request body, built from a resource
 * description (./resource): each attribute and block under its `api` name,
 * typed by its type (or `apiType`), with the presence the design ↔ API
 * mapping gives it (./resource/api-types.ts): required attributes and blocks
 * with min_items ≥ 1 must be there, provider defaults fill unset attributes,
 * lists the mapping always sends default to `[]`. Computed attributes and a
 * block's `apiResponseFields` are accepted (a caller may echo a GET back) and
 * typed.
 *
 * Objects are strict: a key the description does not know is an issue at its
 * own path ("unknown field foo"), never dropped. The emulator checks request
 * bodies with it (lib/emulator/validation.ts).
 */
import '@/lib/util/zod-jitless';
import { z } from 'zod';
import { closestName } from '@/lib/util/closest-name';
import type { AttributeSpec, BlockSpec, BodySpec, ReferenceKind, ValueType } from './resource/types';
import { isRecord } from '@/lib/util/records';

export type ApiPath = readonly (string | number)[];

export interface ApiBodyIssue {
  path: ApiPath;
  message: string;
}

const isList = (type: ValueType): boolean => type.includes('(');

/** One JSON value of a scalar type. */
function scalarSchema(type: ValueType, spec: AttributeSpec | undefined): z.ZodType {
  if (type.includes('number')) return z.number().int();
  if (type.includes('bool')) return z.boolean();
  if (spec?.enum && spec.enum.length > 0) return z.enum(spec.enum);
  return z.string();
}

function isSettable(spec: AttributeSpec): boolean {
  return spec.presence === 'required' || spec.presence === 'optional';
}

/** The schema of one attribute, from its type, presence, default and list handling. */
function attributeSchema(spec: AttributeSpec): z.ZodType {
  const type = isSettable(spec) ? spec.type : (spec.apiType ?? spec.type);
  if (isList(type)) {
    const list = z.array(scalarSchema(type, spec));
    if (spec.presence === 'required') return list;
    // What the mapping always sends (an unset list as `[]`) defaults to it here.
    const alwaysSent = spec.presence === 'optional' && !spec.onlyWithProtocol && !spec.apiOmitEmpty;
    return alwaysSent ? list.default([]) : list.optional();
  }
  if (spec.presence === 'required') {
    const scalar = scalarSchema(type, spec);
    return scalar instanceof z.ZodString ? scalar.min(1, { error: 'is required' }) : scalar;
  }
  if (typeof spec.default === 'boolean') return z.boolean().default(spec.default);
  if (typeof spec.default === 'string') {
    const value = spec.default;
    return spec.enum && spec.enum.length > 0 ? z.enum(spec.enum).default(value) : z.string().default(value);
  }
  return scalarSchema(type, spec).optional();
}

function blockSchema(block: BlockSpec): z.ZodType {
  const extra: Record<string, z.ZodType> = {};
  for (const [name, type] of Object.entries(block.apiResponseFields ?? {}))
    extra[name] = scalarSchema(type, undefined).optional();
  const items = z.array(bodySchema(block.body, extra));
  if (block.minItems === 0) return items.optional();
  return items.min(block.minItems, {
    error: block.minItems === 1 ? 'at least one is required' : `at least ${block.minItems} are required`,
  });
}

function bodySchema(body: BodySpec, extra: Record<string, z.ZodType> = {}): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const spec of Object.values(body.attributes)) if (spec.api) shape[spec.api] = attributeSchema(spec);
  for (const block of Object.values(body.blocks)) shape[block.api] = blockSchema(block);
  Object.assign(shape, extra);
  return z.strictObject(shape);
}

/** The strict zod schema of a request body of `resource` (its output has the defaults filled in). */
export function apiRequestSchema(resource: BodySpec): z.ZodType {
  return bodySchema(resource);
}

/** The API names known at a body path (`['instances', 0, 'segmentOptions', 0]`), for did-you-mean. */
function knownNamesAt(resource: BodySpec, path: ApiPath): string[] {
  let body = resource;
  let extra: string[] = [];
  for (const part of path) {
    if (typeof part === 'number') continue;
    const block = Object.values(body.blocks).find((b) => b.api === part);
    if (!block) return [];
    body = block.body;
    extra = Object.keys(block.apiResponseFields ?? {});
  }
  const names = [
    ...Object.values(body.attributes).flatMap((a) => (a.api ? [a.api] : [])),
    ...Object.values(body.blocks).map((b) => b.api),
    ...extra,
  ];
  return [...new Set(names)];
}

function plainMessage(issue: z.core.$ZodIssue): string {
  // zod says "expected string, received undefined" for a missing field; say it plainly.
  return /received undefined$/.test(issue.message) ? 'is required' : issue.message;
}

/**
 * Checks a request body against the description: the parsed body (defaults
 * filled in), or every issue, each at its path. An unknown key is reported at
 * its own path with a did-you-mean when a known name is close.
 */
export function parseApiBody(
  schema: z.ZodType,
  resource: BodySpec,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; issues: ApiBodyIssue[] } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues: ApiBodyIssue[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    if (issue.code !== 'unrecognized_keys') {
      issues.push({ path, message: plainMessage(issue) });
      continue;
    }
    const known = knownNamesAt(resource, path);
    for (const key of issue.keys) {
      // API names are camelCase: compare without case, suggest as spelt.
      const lowered = known.map((name) => name.toLowerCase());
      const hit = closestName(key, lowered);
      const suggestion = hit === undefined ? undefined : known[lowered.indexOf(hit)];
      issues.push({
        path: [...path, key],
        message: `unknown field ${key}${suggestion ? ` — did you mean ${suggestion}?` : ''}`,
      });
    }
  }
  return { ok: false, issues };
}

export interface ApiReference {
  path: ApiPath;
  kind: ReferenceKind;
  value: unknown;
}

/** Every set reference (segment, credential, group, billing tag, tunnel profile, CXP) in an API body, with its path; list items one by one. */
export function apiReferences(resource: BodySpec, value: unknown, at: ApiPath = []): ApiReference[] {
  if (!isRecord(value)) return [];
  const out: ApiReference[] = [];
  for (const { api, reference: kind } of Object.values(resource.attributes)) {
    const entry = api ? value[api] : undefined;
    if (!api || !kind || entry === undefined || entry === null || entry === '') continue;
    if (Array.isArray(entry)) entry.forEach((item, i) => out.push({ path: [...at, api, i], kind, value: item }));
    else out.push({ path: [...at, api], kind, value: entry });
  }
  for (const block of Object.values(resource.blocks)) {
    const items = value[block.api];
    if (Array.isArray(items))
      items.forEach((item, i) => out.push(...apiReferences(block.body, item, [...at, block.api, i])));
  }
  return out;
}
