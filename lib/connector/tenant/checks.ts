/**
 * The tenant checks: a design against a tenant snapshot (./tenant-index.ts).
 * Pure and synchronous, so the designer can run them as the user types once
 * it holds a snapshot, the API answers them for `?tenant=1` and the CLI for
 * `--tenant`:
 * - the vHub prefix and every loopback subnet must not overlap another
 *   connector's vHub prefix or loopback subnets (error at the field, naming
 *   the other connector and its field; `fix`: the next free /23 or /26);
 * - the name must not be another connector's (unless the design is that connector);
 * - literal segment, credential, group, billing tag and tunnel profile (and
 *   CXP, when the snapshot has them) references must be in the catalog.
 * - a reference written as an expression is resolved when the same file
 *   declares what it names, and marked external (a warning) otherwise (./references.ts).
 */
import { DEFAULTS, isExpression } from '../design';
import { designValues } from '../design-walk';
import { formatIpv4 } from '../net';
import { CONNECTOR_RESOURCE, type ReferenceKind } from '../resource';
import { isRecord } from '@/lib/util/records';
import { eachRecord, instanceLabel, text } from '../rules/values';
import { rangeOf, type AddressField, type AddressRange, type UsedBlock } from './address-space';
import { externalReferenceFindings } from './references';
import type { CatalogLookup, TenantIndex } from './tenant-index';
import { TENANT_RULE_IDS, type TenantCheckOptions, type TenantFinding } from './types';

const PREFIX_LENGTH: Record<AddressField, number> = { vhub_prefix: 23, loopback_subnet: 26 };

function describeBlock(block: UsedBlock): string {
  const field =
    block.field === 'loopback_subnet' && block.instance !== undefined
      ? `loopback_subnet (instance #${block.instance + 1})`
      : block.field;
  return `connector ${JSON.stringify(block.owner.name)} (id ${block.owner.id})'s ${field} ${block.written}`;
}

function cidr(start: number, prefixLength: number): string {
  return `${formatIpv4(start)}/${prefixLength}`;
}

interface AddressCheck {
  path: string;
  field: AddressField;
  /** How the message starts: `vhub_prefix 10.1.0.0/23`, `Instance "a": loopback_subnet …`. */
  subject: string;
  range: AddressRange;
}

/** The design's literal vHub prefix and loopback subnets, in order. */
function addressChecks(design: Record<string, unknown>): AddressCheck[] {
  const out: AddressCheck[] = [];
  const add = (path: string, field: AddressField, value: unknown, subject: string) => {
    if (isExpression(value)) return;
    const range = rangeOf(value);
    if (range) out.push({ path, field, subject: `${subject} ${text(value).trim()}`, range });
  };
  add('vhub_prefix', 'vhub_prefix', design.vhub_prefix, 'vhub_prefix');
  eachRecord(design.instances, (instance, i) => {
    add(
      `instances.${i}.loopback_subnet`,
      'loopback_subnet',
      instance.loopback_subnet,
      `${instanceLabel(instance, i)}: loopback_subnet`,
    );
  });
  return out;
}

function overlapFindings(design: Record<string, unknown>, tenant: TenantIndex, exclude?: string): TenantFinding[] {
  const checks = addressChecks(design);
  const findings: TenantFinding[] = [];
  // The design's own blocks, and every fix offered so far, are not free either.
  const taken: AddressRange[] = checks.map((c) => c.range);
  for (const check of checks) {
    const others = tenant.space.overlapping(check.range, exclude);
    const [nearest] = others;
    if (nearest === undefined) continue;
    const prefixLength = PREFIX_LENGTH[check.field];
    const ownElsewhere = taken.filter((r) => r !== check.range);
    const free = tenant.space.nextFree(check.range.start, prefixLength, ownElsewhere, exclude);
    const more = others.length > 1 ? ` (and ${others.length - 1} more)` : '';
    const suggestion = free === null ? '' : `; the next free /${prefixLength} is ${cidr(free, prefixLength)}`;
    const finding: TenantFinding = {
      path: check.path,
      message: `${check.subject} overlaps ${describeBlock(nearest)}${more}${suggestion}`,
      severity: 'error',
      ruleId: check.field === 'vhub_prefix' ? TENANT_RULE_IDS.vhubOverlap : TENANT_RULE_IDS.loopbackOverlap,
    };
    if (free !== null) {
      finding.fix = cidr(free, prefixLength);
      taken.push({ start: free, end: free + 2 ** (32 - prefixLength) - 1 });
    }
    findings.push(finding);
  }
  return findings;
}

function nameFindings(design: Record<string, unknown>, tenant: TenantIndex, linked: string | null): TenantFinding[] {
  const name = text(design.name).trim();
  if (!name || isExpression(design.name)) return [];
  const owner = tenant.byName.get(name)?.find((c) => String(c.id) !== linked);
  if (!owner) return [];
  return [
    {
      path: 'name',
      message: `name ${JSON.stringify(name)} is taken by connector id ${owner.id} in this tenant; connector names are unique, choose another`,
      severity: 'error',
      ruleId: TENANT_RULE_IDS.nameTaken,
    },
  ];
}

interface KindText {
  what: string;
  /** The design writes the object's name (group, CXP) rather than its id. */
  byName?: true;
}

const KINDS: Record<ReferenceKind, KindText> = {
  segment: { what: 'segment' },
  credential: { what: 'credential' },
  group: { what: 'group', byName: true },
  billing_tag: { what: 'billing tag' },
  tunnel_profile: { what: 'IPsec tunnel profile' },
  cxp: { what: 'CXP', byName: true },
};

function referenceFinding(
  path: string,
  kind: ReferenceKind,
  written: string,
  lookup: CatalogLookup,
): TenantFinding | null {
  const { what, byName } = KINDS[kind];
  if ((byName ? lookup.byName : lookup.byId).has(written)) return null;
  const base = { path, severity: 'error' as const, ruleId: TENANT_RULE_IDS.unknownReference };
  // The other key of an object the tenant has: the id where its name was written, or the reverse.
  const meant = byName ? lookup.byId.get(written) : lookup.byName.get(written);
  if (meant) {
    const fix = byName ? meant.name : String(meant.id);
    const note = byName
      ? `the ${what} with id ${written} is named ${JSON.stringify(meant.name)}`
      : `the ${what} named ${JSON.stringify(written)} has id ${meant.id}`;
    return {
      ...base,
      message: `${JSON.stringify(written)} is not a ${what} ${byName ? 'name' : 'id'} of this tenant; ${note}`,
      fix,
    };
  }
  return { ...base, message: `${JSON.stringify(written)} is not a ${what} ${byName ? 'name' : 'id'} of this tenant` };
}

function catalogFindings(design: Record<string, unknown>, tenant: TenantIndex): TenantFinding[] {
  const findings: TenantFinding[] = [];
  const protocol =
    typeof design.tunnel_protocol === 'string' && design.tunnel_protocol
      ? design.tunnel_protocol
      : DEFAULTS.tunnel_protocol;
  for (const { path, spec, value } of designValues(CONNECTOR_RESOURCE, design, protocol)) {
    if (!spec.reference || isExpression(value)) continue;
    const lookup = tenant.catalog.get(spec.reference);
    if (!lookup || (typeof value !== 'string' && typeof value !== 'number')) continue;
    const written = String(value).trim();
    if (!written) continue;
    const finding = referenceFinding(path, spec.reference, written, lookup);
    if (finding) findings.push(finding);
  }
  return findings;
}

/**
 * Every tenant finding about `design` (a checked design, form state or a
 * request body: it is read defensively), in the order name, addresses, references.
 */
export function checkAgainstTenant(
  design: unknown,
  tenant: TenantIndex,
  options: TenantCheckOptions = {},
): TenantFinding[] {
  if (!isRecord(design)) return [];
  const linked =
    options.linkedConnectorId === undefined || options.linkedConnectorId === null
      ? null
      : String(options.linkedConnectorId);
  return [
    ...nameFindings(design, tenant, linked),
    ...overlapFindings(design, tenant, linked ?? undefined),
    ...catalogFindings(design, tenant),
    ...externalReferenceFindings(design, options.declared),
  ];
}

/**
 * The first free /23 (vHub prefix) or /26 (loopback subnet) of the tenant at
 * or after `near` (an address or CIDR; default: the start of the tenant's
 * lowest used block, else 10.0.0.0), for a designer that offers one before anything is typed.
 */
export function suggestFreeBlock(tenant: TenantIndex, field: AddressField, near?: string): string | null {
  const prefixLength = PREFIX_LENGTH[field];
  const from =
    (near !== undefined ? rangeOf(near.includes('/') ? near : `${near}/32`)?.start : undefined) ??
    tenant.space.lowestStart() ??
    10 * 2 ** 24;
  const free = tenant.space.nextFree(from, prefixLength);
  return free === null ? null : cidr(free, prefixLength);
}
