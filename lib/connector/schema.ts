/**
 * The zod schema of a connector design, built from the resource description
 * (./resource): one object per block, one field per design attribute, chosen
 * by the attribute's type and presence. It accepts FORM STATE as well as
 * parsed designs: '' means unset for optional text, numbers may come as
 * numeric strings or `${expressions}`, lists may be empty. Its output is the
 * normalized design: integer strings become numbers, unset optional values
 * are dropped, expressions stay strings.
 *
 * Objects are strict: a key the description does not know is an error at its
 * path, never silently dropped. The shape part is otherwise lenient (text is
 * text, numbers are number-or-string); every semantic check lives in ./rules
 * and runs in the superRefine, also when the shape has problems, so the form
 * shows every finding at once.
 */
import '@/lib/util/zod-jitless';
import { z } from 'zod';
import {
  isExpression,
  type ConnectorDesign,
  type ConnectorFormValues,
  type NumberLike,
  type UncheckedBody,
} from './design';
import {
  CONNECTOR_RESOURCE,
  RESOURCE_LABEL,
  blocksOf,
  designAttributes,
  locate,
  type AttributeSpec,
  type BodySpec,
} from './resource';
import { closestName } from '@/lib/util/closest-name';
import { isStoredSecret, storedSecretSchema } from './stored-secret';
import { collectDesignErrors } from './rules';
import { isRecord } from '@/lib/util/records';

const isBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() === '';
const blankToUndefined = (value: unknown): unknown => (isBlank(value) ? undefined : value);

const textError = {
  error: (issue: { input?: unknown }) => `Expected text, got ${issue.input === null ? 'null' : typeof issue.input}`,
};
const numberError = { error: () => 'Expected a number, a numeric string or a reference such as var.asn' };

/** Required text. Missing reads as '' so that the rule reports "x is required". */
const requiredText = z.string(textError).default('');

/**
 * A check that unsets blank text. It runs after the type check (skipped when
 * that failed, like the rest of a failed value's pipeline), so an optional
 * leaf is one string node instead of a preprocess pipe: these leaves are most
 * of a large design's values.
 */
function unsetBlank(payload: { value: unknown }): void {
  if (isBlank(payload.value)) payload.value = undefined;
}

/** Optional text: '' (form state for unset) is dropped. */
const optionalText = z.string(textError).check(unsetBlank).optional();

/** Whole-number strings become numbers; anything else stays as written for the rules to judge. */
function toNumberLike(value: number | string): NumberLike {
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  return /^-?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : value;
}

const numberOrText = z.union([z.number(), z.string()], numberError);

/** A required numeric attribute; missing reads as '' so that the rule reports it. */
const requiredNumber = numberOrText.default('').transform(toNumberLike);

/** Blank text is unset; other text and numbers as toNumberLike reads them (a check, as unsetBlank). */
function unsetBlankOrNumberLike(payload: { value: unknown }): void {
  const value = payload.value;
  if (isBlank(value)) payload.value = undefined;
  else if (typeof value === 'number' || typeof value === 'string') payload.value = toNumberLike(value);
}

/** An optional numeric attribute; '' is dropped. */
const optionalNumber = numberOrText.check(unsetBlankOrNumberLike).optional();

/** A list item that is a number (VNIs, billing tags); a blank row stays '' for the rules to report. */
const numberItem = numberOrText.transform(toNumberLike);

const BOOLEAN_MESSAGE = 'Expected true or false (or a reference such as var.enabled)';

/**
 * Booleans, also as 'true'/'false' (HCL importers and query strings carry
 * them so), or a `${expression}` such as `${var.enabled}` (kept as written;
 * rules that need the value skip it).
 */
const optionalBoolean = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : blankToUndefined(value)),
  z
    .union([z.boolean(), z.string().refine(isExpression, { error: BOOLEAN_MESSAGE })], { error: BOOLEAN_MESSAGE })
    .optional(),
);

const secretError = { error: 'Expected text, or {"stored": true} to keep the stored value' };

/** A sensitive attribute: text the caller supplies ('' unsets it), or the stored secret, which keeps the server's value. */
const optionalSecret = z.union([storedSecretSchema, z.string().check(unsetBlank)], secretError).optional();

/** The zod type of one attribute, from its type and presence. */
function attributeSchema(spec: AttributeSpec): z.ZodType {
  const required = spec.presence === 'required';
  if (spec.sensitive && spec.type === 'string' && !required) return optionalSecret;
  switch (spec.type) {
    case 'string':
      return required ? requiredText : optionalText;
    case 'number':
      return required ? requiredNumber : optionalNumber;
    case 'bool':
      return optionalBoolean;
    case 'list(string)': {
      const list = z.union([z.array(z.string(textError)), listExpression]);
      return required ? list.default([]) : list.optional();
    }
    case 'list(number)':
    case 'set(number)': {
      const list = z.union([z.array(numberItem), listExpression]);
      return required ? list.default([]) : list.optional();
    }
  }
}

/** A whole list given as an expression (`var.ids`, `concat(…)`, a splat, a `for`): kept as written. */
const listExpression = z
  .string()
  .refine(isExpression, { error: 'Expected a list [ … ] or an expression such as var.billing_tags' });

/** `dynamic "<block>" { … }` blocks of a body, by the block they generate (their source text). */
const dynamicBlocks = z.record(z.string(), z.array(z.string())).optional();

/** The strict zod object of one body (plus extra design-only fields at the top). */
function bodySchema(body: BodySpec, extra: Record<string, z.ZodType> = {}): z.ZodType {
  const shape: Record<string, z.ZodType> = { ...extra, dynamic: dynamicBlocks };
  for (const [name, spec] of designAttributes(body)) shape[name] = attributeSchema(spec);
  for (const [name, block] of Object.entries(body.blocks)) {
    const items = z.array(bodySchema(block.body));
    shape[name] = block.minItems > 0 ? items.default([]) : items.optional();
  }
  return z.strictObject(shape);
}

/**
 * The strict shape schema of a design of `resource` (no service rules): what
 * the designer's schema below is built on, exported so a description can be
 * checked on its own (tests extend a copy of it).
 */
export function designShapeSchema(resource: BodySpec): z.ZodType {
  return bodySchema(resource, { [RESOURCE_LABEL.key]: requiredText });
}

const designShape = designShapeSchema(CONNECTOR_RESOURCE);

/** `instances.1.name` → ['instances', 1, 'name'] (numbers index arrays in react-hook-form errors). */
function toPathSegments(path: string): (string | number)[] {
  return path === '' ? [] : path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** True when some object in the value has a key whose value is undefined. */
function holdsUndefined(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsUndefined);
  if (!isRecord(value)) return false;
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (entry === undefined || holdsUndefined(entry)) return true;
  }
  return false;
}

/** Removes keys whose value is undefined, so that unset optional attributes are absent. */
function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (entry !== undefined) result[key] = dropUndefined(entry);
  }
  return result;
}

const isString = (item: unknown): boolean => typeof item === 'string';
const isDynamicBlocks = (value: unknown): boolean =>
  isRecord(value) && Object.values(value).every((list) => Array.isArray(list) && list.every(isString));
const isNumberOrString = (item: unknown): boolean => typeof item === 'number' || typeof item === 'string';

function conformsToAttribute(spec: AttributeSpec, value: unknown): boolean {
  if (value === undefined) return spec.presence !== 'required';
  if (spec.sensitive && isStoredSecret(value)) return true;
  switch (spec.type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' || typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean' || typeof value === 'string';
    case 'list(string)':
      return isExpression(value) || (Array.isArray(value) && value.every(isString));
    default:
      return isExpression(value) || (Array.isArray(value) && value.every(isNumberOrString));
  }
}

/** The keys a body's design may hold (design attributes and blocks), derived once per body. */
const DESIGN_KEYS = new WeakMap<BodySpec, ReadonlySet<string>>();

function designKeysOf(body: BodySpec): ReadonlySet<string> {
  let keys = DESIGN_KEYS.get(body);
  if (keys === undefined) {
    keys = new Set([...designAttributes(body).map(([name]) => name), ...Object.keys(body.blocks)]);
    DESIGN_KEYS.set(body, keys);
  }
  return keys;
}

/** Does a value have the shape the description gives (and nothing else)? */
function conformsToBody(body: BodySpec, value: unknown, extraKeys: readonly string[] = []): boolean {
  if (!isRecord(value)) return false;
  const known = designKeysOf(body);
  for (const key of Object.keys(value)) {
    if (!known.has(key) && !extraKeys.includes(key) && key !== 'dynamic') return false;
  }
  if (value.dynamic !== undefined && !isDynamicBlocks(value.dynamic)) return false;
  for (const [name, spec] of designAttributes(body)) if (!conformsToAttribute(spec, value[name])) return false;
  for (const [name, block] of blocksOf(body)) {
    const items = value[name];
    if (
      items === undefined
        ? block.minItems > 0
        : !Array.isArray(items) || !items.every((item) => conformsToBody(block.body, item))
    ) {
      return false;
    }
  }
  return true;
}

/** The one check that lets the dynamically built schema's output be typed as a design. */
export function isConnectorDesign(value: unknown): value is ConnectorDesign {
  return (
    isRecord(value) &&
    typeof value[RESOURCE_LABEL.key] === 'string' &&
    conformsToBody(CONNECTOR_RESOURCE, value, [RESOURCE_LABEL.key])
  );
}

/** "unknown attribute foo in instances.0.…" for each key the description does not know (zod's unrecognized_keys). */
export function unknownKeyIssues(objectPath: string, keys: readonly string[]): { path: string; message: string }[] {
  const found = objectPath === '' ? undefined : locate(objectPath);
  const body: BodySpec | undefined =
    found === undefined ? CONNECTOR_RESOURCE : found.kind === 'block' ? found.spec.body : undefined;
  const where = objectPath === '' ? 'the design' : objectPath;
  return keys.map((key) => {
    const path = objectPath === '' ? key : `${objectPath}.${key}`;
    const spec = body && Object.hasOwn(body.attributes, key) ? body.attributes[key] : undefined;
    if (spec) return { path, message: `${key} is computed by the provider and cannot be set (in ${where})` };
    const known = body ? [...designAttributes(body).map(([name]) => name), ...Object.keys(body.blocks)] : [];
    const suggestion = closestName(key, objectPath === '' ? [...known, RESOURCE_LABEL.key] : known);
    return {
      path,
      message: `unknown attribute ${key} in ${where}${suggestion ? ` — did you mean ${suggestion}?` : ''}`,
    };
  });
}

const schema = designShape
  .superRefine(
    (design, ctx) => {
      // The rules read defensively, so they run on whatever object the shape produced.
      if (!isRecord(design)) return;
      const unchecked: UncheckedBody = design;
      for (const issue of collectDesignErrors(unchecked)) {
        const params = issue.ruleId === undefined ? undefined : { [RULE_ID_PARAM]: issue.ruleId };
        ctx.addIssue({ code: 'custom', message: issue.message, path: toPathSegments(issue.path), params });
      }
    },
    // Run the rules even when the shape has problems, as long as there is an object to read.
    { when: (payload) => isRecord(payload.value) },
  )
  .transform((design, ctx) => {
    // The shape's output is built fresh by zod (no input object or default is shared), so
    // it is kept as it is when there is nothing to drop (a checked design has no unset values).
    const normalized = holdsUndefined(design) ? dropUndefined(design) : design;
    if (isConnectorDesign(normalized)) return normalized;
    ctx.addIssue({ code: 'custom', message: 'The design does not have the shape of the resource' });
    return z.NEVER;
  });

/** Marks the issues that name keys the resource does not have. */
export const UNKNOWN_KEY_PARAM = 'unknownKey';
/** Carries a rule finding's id (DesignIssue.ruleId) through zod. */
export const RULE_ID_PARAM = 'ruleId';

/**
 * The connector design schema: input is the form state (ConnectorFormValues;
 * any object is read, defensively), output the normalized, checked design.
 * Every issue is at the path of the field it is about; an unknown key is one
 * issue at its own path, marked with `params.unknownKey`. Typed so that
 * `useForm<ConnectorFormValues, unknown, ConnectorDesign>` takes
 * `zodResolver(connectorDesignSchema)`.
 */
export const connectorDesignSchema: z.ZodType<ConnectorDesign, ConnectorFormValues> = z
  .custom<ConnectorFormValues>(isRecord, {
    error: (issue) =>
      `Expected a design object, got ${Array.isArray(issue.input) ? 'an array' : issue.input === null ? 'null' : typeof issue.input}`,
  })
  .transform((values, ctx) => {
    const result = schema.safeParse(values);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        for (const named of unknownKeyIssues(path, issue.keys)) {
          ctx.addIssue({
            code: 'custom',
            message: named.message,
            path: toPathSegments(named.path),
            params: { [UNKNOWN_KEY_PARAM]: true },
          });
        }
      } else {
        const params = issue.code === 'custom' ? issue.params : undefined;
        ctx.addIssue({
          code: 'custom',
          message: issue.message,
          path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          params,
        });
      }
    }
    return z.NEVER;
  });
