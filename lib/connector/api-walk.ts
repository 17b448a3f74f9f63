/**
 * The design ↔ Alkira REST JSON mapping as one walk over a resource
 * description: each settable attribute and block goes to its `api` name and
 * back, converted by its type. What the walk does not know from names alone
 * are a few hooks, each said where it applies:
 *
 * - references to segments: the design holds segment ids, the API segment
 *   names (`reference: 'segment'`), translated through caller lookups;
 * - numbers: a design number may be a numeric string (made a number) or a
 *   `${expression}` (kept as written, for previews of unresolved designs);
 * - the tunnel protocol: attributes and blocks with `onlyWithProtocol` are
 *   sent only with that protocol;
 * - provider defaults: an unset attribute with a default is sent with it (so
 *   `initiator = false`, which the Go client drops, is always explicit);
 * - stored secrets: the API has no word for "keep the stored value", so a
 *   stored secret is left out (or shown as the caller says, for previews);
 *   resolveDesign fills every one in before a body is sent.
 *
 * Built from a description argument, so a new attribute in the description
 * flows through without touching this file.
 */
import type { AttributeSpec, BlockSpec, BodySpec, UncheckedBody } from './resource/types';
import { isStoredSecret } from './stored-secret';

export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export interface ToApiContext {
  /** The effective tunnel protocol of the design (decides `onlyWithProtocol` fields). */
  protocol: string;
  /** Segment id (or expression) → the segment name the API wants. */
  segmentName: (segmentId: string) => string;
  /** What a stored secret is shown as (a preview); left out when undefined. */
  storedSecret?: string;
}

export interface ToDesignContext {
  /** Segment name → the segment id the design holds. */
  segmentId: (segmentName: string) => string;
}

export interface ResourceMapper {
  toApi(design: UncheckedBody, context: ToApiContext): JsonObject;
  toDesign(body: UncheckedBody, context: ToDesignContext): JsonObject;
}

function isRecord(value: unknown): value is UncheckedBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isJson(value: unknown): value is Json {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return true;
  if (Array.isArray(value)) return value.every(isJson);
  return isRecord(value) && Object.values(value).every(isJson);
}

/** Unset: absent, null, or '' (how forms say "not set"). */
function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function isList(spec: AttributeSpec): boolean {
  return spec.type.includes('(');
}

function isSettable(spec: AttributeSpec): boolean {
  return spec.presence === 'required' || spec.presence === 'optional';
}

/**
 * Hook: a design number as the API carries it. Numeric text becomes a
 * number; anything else (a `${expression}`, text still being typed) is kept
 * as written so the preview shows it — resolveDesign refuses to send it.
 */
function apiNumber(value: Json): Json {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : value;
}

/** One set value, converted by the attribute's type (and reference kind). */
function scalarToApi(spec: AttributeSpec, value: Json, context: ToApiContext): Json {
  if (spec.type.includes('number')) return apiNumber(value);
  // Hook: the API names segments by name, the design by id.
  if (spec.reference === 'segment' && typeof value === 'string') return context.segmentName(value);
  return value;
}

function attributeToApi(spec: AttributeSpec, value: unknown, context: ToApiContext): Json | undefined {
  if (spec.sensitive && isStoredSecret(value)) return context.storedSecret;
  if (isUnset(value) && spec.presence === 'optional') {
    if (spec.default !== undefined) return spec.default;
    return isList(spec) && !spec.apiOmitEmpty ? [] : undefined;
  }
  if (!isJson(value)) return undefined;
  if (!isList(spec)) return scalarToApi(spec, value, context);
  // Blank rows (form state) are not values.
  const items = (Array.isArray(value) ? value : [value])
    .filter((item) => item !== '')
    .map((item) => scalarToApi(spec, item, context));
  return items.length === 0 && spec.apiOmitEmpty ? undefined : items;
}

function itemsOf(value: unknown): UncheckedBody[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function sentWith(spec: AttributeSpec | BlockSpec, protocol: string): boolean {
  return spec.onlyWithProtocol === undefined || spec.onlyWithProtocol === protocol;
}

function bodyToApi(body: BodySpec, design: UncheckedBody, context: ToApiContext): JsonObject {
  const out: JsonObject = {};
  for (const [name, spec] of Object.entries(body.attributes)) {
    if (!spec.api || !isSettable(spec) || !sentWith(spec, context.protocol)) continue;
    const value = attributeToApi(spec, design[name], context);
    if (value !== undefined) out[spec.api] = value;
  }
  for (const [name, block] of Object.entries(body.blocks)) {
    if (!sentWith(block, context.protocol)) continue;
    out[block.api] = itemsOf(design[name]).map((item) => bodyToApi(block.body, item, context));
  }
  return out;
}

function scalarToDesign(spec: AttributeSpec, value: Json, context: ToDesignContext): Json {
  // Hook: segment name (API) → segment id (design).
  return spec.reference === 'segment' && typeof value === 'string' ? context.segmentId(value) : value;
}

function attributeToDesign(spec: AttributeSpec, value: unknown, context: ToDesignContext): Json | undefined {
  if (!isJson(value)) return spec.presence === 'optional' ? spec.default : undefined;
  // A required attribute is kept as the service sent it, even blank, for the rules to judge.
  if (isUnset(value)) return spec.presence === 'optional' ? spec.default : value;
  if (!isList(spec)) return scalarToDesign(spec, value, context);
  // An empty list is the same as an unset one (`[]` and absent both mean none).
  return Array.isArray(value) && value.length > 0
    ? value.map((item) => scalarToDesign(spec, item, context))
    : undefined;
}

function bodyToDesign(body: BodySpec, json: UncheckedBody, context: ToDesignContext): JsonObject {
  const out: JsonObject = {};
  for (const [name, spec] of Object.entries(body.attributes)) {
    // Computed attributes (ids) are the provider's: a design never holds them.
    if (!spec.api || !isSettable(spec)) continue;
    const value = attributeToDesign(spec, json[spec.api], context);
    if (value !== undefined) out[name] = value;
  }
  for (const [name, block] of Object.entries(body.blocks)) {
    const items = itemsOf(json[block.api]).map((item) => bodyToDesign(block.body, item, context));
    // A block the provider lets you leave out is left out when empty.
    if (items.length > 0 || block.minItems > 0) out[name] = items;
  }
  return out;
}

/** The design ↔ API mapping of one resource description. */
export function resourceMapper(resource: BodySpec): ResourceMapper {
  return {
    toApi: (design, context) => bodyToApi(resource, design, context),
    toDesign: (body, context) => bodyToDesign(resource, body, context),
  };
}

/**
 * Does `value` have the API shape of `body`: known names only, each of its
 * type, always-sent fields present? `isNumber` decides what counts as a
 * settable number (strict for what the service checked, wider for previews).
 */
export function conformsToApiBody(body: BodySpec, value: unknown, isNumber: (value: unknown) => boolean): boolean {
  if (!isRecord(value)) return false;
  const known = new Map<string, (entry: unknown) => boolean>();
  const required: string[] = [];
  for (const spec of Object.values(body.attributes)) {
    if (!spec.api) continue;
    const settable = isSettable(spec);
    const number = settable ? isNumber : (entry: unknown) => typeof entry === 'number';
    const type = settable ? spec.type : (spec.apiType ?? spec.type);
    const item = (entry: unknown) =>
      type.includes('number')
        ? number(entry)
        : type.includes('string')
          ? typeof entry === 'string'
          : typeof entry === 'boolean';
    known.set(spec.api, (entry) => (type.includes('(') ? Array.isArray(entry) && entry.every(item) : item(entry)));
    const alwaysSent =
      spec.presence === 'required' ||
      (spec.presence === 'optional' &&
        (spec.default !== undefined || (isList(spec) && !spec.onlyWithProtocol && !spec.apiOmitEmpty)));
    if (alwaysSent) required.push(spec.api);
  }
  for (const block of Object.values(body.blocks)) {
    const responseFields = Object.entries(block.apiResponseFields ?? {});
    known.set(
      block.api,
      (entry) =>
        Array.isArray(entry) &&
        entry.every(
          (item) =>
            isRecord(item) &&
            responseFields.every(([name, type]) => item[name] === undefined || typeof item[name] === type) &&
            conformsToApiBody(
              block.body,
              Object.fromEntries(
                Object.entries(item).filter(([name]) => !Object.hasOwn(block.apiResponseFields ?? {}, name)),
              ),
              isNumber,
            ),
        ),
    );
    if (block.minItems > 0) required.push(block.api);
  }
  for (const name of required) if (value[name] === undefined) return false;
  return Object.entries(value).every(([name, entry]) => entry === undefined || (known.get(name)?.(entry) ?? false));
}
