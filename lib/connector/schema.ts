/**
 * The zod schema of a connector design. It accepts FORM STATE as well as
 * parsed designs: '' means unset for optional text, numbers may come as
 * numeric strings or `${expressions}`, lists may be empty. Its output is the
 * normalized design: integer strings become numbers, unset optional values
 * are dropped, expressions stay strings.
 *
 * The shape part is deliberately lenient (text is text, numbers are
 * number-or-string); every semantic check lives in ./rules and runs in the
 * superRefine, also when the shape has problems, so the form shows every
 * finding at once.
 */
import { z } from 'zod';
import { isExpression, type ConnectorDesign, type NumberLike } from './design';
import { collectDesignErrors } from './rules';
import { isRecord } from './rules/values';

// In the browser the page's CSP forbids eval: zod's compiled parsers would be
// refused anyway, and its `new Function` probe is reported as a violation.
if (typeof window !== 'undefined') z.config({ jitless: true });

const isBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() === '';
const blankToUndefined = (value: unknown): unknown => (isBlank(value) ? undefined : value);

const textError = { error: (issue: { input?: unknown }) => `Expected text, got ${issue.input === null ? 'null' : typeof issue.input}` };
const numberError = { error: () => 'Expected a number, a numeric string or a ${reference}' };

/** Required text. Missing reads as '' so that the rule reports "x is required". */
const requiredText = z.string(textError).default('');

/** Optional text: '' (form state for unset) is dropped. */
const optionalText = z.preprocess(blankToUndefined, z.string(textError).optional());

/** Whole-number strings become numbers; anything else stays as written for the rules to judge. */
function toNumberLike(value: number | string): NumberLike {
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  return /^-?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : value;
}

const numberOrText = z.union([z.number(), z.string()], numberError);

/** A required numeric attribute; missing reads as '' so that the rule reports it. */
const requiredNumber = numberOrText.default('').transform(toNumberLike);

/** An optional numeric attribute; '' is dropped. */
const optionalNumber = z
  .preprocess(blankToUndefined, numberOrText.optional())
  .transform((value) => (value === undefined ? undefined : toNumberLike(value)));

/** A list item that is a number (VNIs, billing tags); a blank row stays '' for the rules to report. */
const numberItem = numberOrText.transform(toNumberLike);

const BOOLEAN_MESSAGE = 'Expected true or false (or a ${reference})';

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

const tunnelSchema = z.object({
  name: requiredText,
  ike_version: optionalText,
  initiator: optionalBoolean,
  pre_shared_key: optionalText,
  profile_id: optionalNumber,
  remote_auth_type: optionalText,
  remote_auth_value: optionalText,
});

const customerGatewaySchema = z.object({
  name: requiredText,
  tunnel: z.array(tunnelSchema).default([]),
});

const ipsecCustomerGatewaySchema = z.object({
  segment_id: requiredText,
  customer_gateway: z.array(customerGatewaySchema).default([]),
});

const instanceSchema = z.object({
  name: requiredText,
  expressroute_circuit_id: requiredText,
  redundant_router: optionalBoolean,
  loopback_subnet: requiredText,
  credential_id: requiredText,
  gateway_mac_address: z.array(z.string(textError)).optional(),
  virtual_network_interface: z.array(numberItem).optional(),
  ipsec_customer_gateway: z.array(ipsecCustomerGatewaySchema).optional(),
});

const segmentOptionSchema = z.object({
  segment_id: requiredText,
  customer_asn: requiredNumber,
  disable_internet_exit: optionalBoolean,
  advertise_on_prem_routes: optionalBoolean,
});

const designShape = z.object({
  resource_name: requiredText,
  name: requiredText,
  description: optionalText,
  size: requiredText,
  enabled: optionalBoolean,
  vhub_prefix: requiredText,
  cxp: requiredText,
  tunnel_protocol: optionalText,
  group: optionalText,
  billing_tag_ids: z.array(numberItem).optional(),
  instances: z.array(instanceSchema).default([]),
  segment_options: z.array(segmentOptionSchema).default([]),
});

/** `instances.1.name` → ['instances', 1, 'name'] (numbers index arrays in react-hook-form errors). */
function toPathSegments(path: string): (string | number)[] {
  return path === '' ? [] : path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Removes keys whose value is undefined, so that unset optional attributes are absent. */
function dropUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dropUndefined) as T;
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== undefined) result[key] = dropUndefined(entry);
  }
  return result as T;
}

const schema = designShape
  .superRefine(
    (design, ctx) => {
      for (const issue of collectDesignErrors(design as ConnectorDesign)) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: toPathSegments(issue.path) });
      }
    },
    // Run the rules even when the shape has problems (they read defensively),
    // as long as there is an object to read.
    { when: (payload) => isRecord(payload.value) },
  )
  .transform((design) => dropUndefined(design) as ConnectorDesign);

/**
 * The connector design schema: input is the form state / design, output the
 * normalized design. Typed as ConnectorDesign in and out so that
 * `useForm<ConnectorDesign>({ resolver: zodResolver(connectorDesignSchema) })` type-checks.
 */
export const connectorDesignSchema: z.ZodType<ConnectorDesign, ConnectorDesign> = schema as unknown as z.ZodType<
  ConnectorDesign,
  ConnectorDesign
>;
