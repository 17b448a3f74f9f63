import 'server-only';
/**
 * Turns a validated design into the Alkira request body, resolving every
 * reference against the tenant first. Terraform expressions (`${...}`) and
 * ids the tenant doesn't know can't be provisioned; they are all reported
 * together (409 `unresolved`) rather than one at a time.
 */
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import { effectiveTunnelProtocol, expressionBody, isExpression, type ConnectorDesign } from '@/lib/connector/design';
import { designValues, dynamicBlockPaths, type DesignValue } from '@/lib/connector/design-walk';
import { designToAlkiraConnector } from '@/lib/connector/mapping';
import { attributeAt, CONNECTOR_RESOURCE, type ReferenceKind } from '@/lib/connector/resource';
import { SENSITIVE_PLACEHOLDER, sensitiveSlots } from '@/lib/connector/sensitive';
import type { UnresolvedReference } from '@/lib/contract';
import type { AlkiraApi } from './api';
import { credentialItems, cxpItems, profileItems } from './catalog';
import { designKeys, fillStoredSecrets } from './secrets';

export type Resolution =
  | { ok: true; body: AlkiraConnector; sensitive: string[] }
  | { ok: false; unresolved: UnresolvedReference[] };

/** A design expression as HCL reads it (`alkira_segment.prod.id`), for messages. */
function hclOf(value: string): string {
  return expressionBody(value);
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Does the tenant know a value (as written in the design)? */
type Known = (value: string) => boolean;

interface KindResolver {
  /** "a segment": what the user should pick instead of an expression. */
  what: string;
  /** Why a literal the tenant does not know cannot be sent. */
  unknown: (value: string) => string;
  /** Fetches what the tenant has (once per request, only for kinds the design uses). */
  load: (api: AlkiraApi, values: readonly string[]) => Promise<Known>;
}

/** Segment id → name, filled by the segment resolver (the mapping sends names). */
type SegmentNames = Map<string, string | null>;

const sameId = (id: unknown, value: string) => String(id) === value.trim();

/** How each reference kind of the description is resolved against the tenant. */
function kindResolvers(segmentNames: SegmentNames): Record<ReferenceKind, KindResolver> {
  return {
    segment: {
      what: 'a segment',
      unknown: (v) => `"${v}" is not a segment id of this tenant; pick a segment from the tenant`,
      // One GET per distinct id, as the provider does.
      load: async (api, values) => {
        const ids = [...new Set(values.filter((v) => /^\d+$/.test(v)))];
        await Promise.all(
          ids.map(async (id) => {
            const seg = await api.segment(id);
            segmentNames.set(id, seg ? seg.name : null);
          }),
        );
        return (v) => Boolean(segmentNames.get(v));
      },
    },
    credential: {
      what: 'a credential',
      unknown: (v) => `"${v}" is not an Azure VNET credential of this tenant`,
      load: async (api) => {
        const items = await credentialItems(api);
        return (v) => items.some((c) => c.id === v);
      },
    },
    group: {
      what: 'a group',
      unknown: (v) => `"${v}" is not a group of this tenant`,
      load: async (api) => {
        const items = await api.groups();
        return (v) => items.some((g) => g.name === v);
      },
    },
    billing_tag: {
      what: 'a billing tag',
      unknown: (v) => `"${v}" is not a billing tag id of this tenant`,
      load: async (api) => {
        const items = await api.billingTags();
        return (v) => items.some((t) => sameId(t.id, v));
      },
    },
    cxp: {
      what: 'a CXP',
      unknown: (v) => `"${v}" is not an Azure CXP available to this tenant`,
      load: async (api) => {
        const items = await cxpItems(api);
        return (v) => items.some((c) => c.name === v);
      },
    },
    tunnel_profile: {
      what: 'an IPsec tunnel profile',
      unknown: (v) => `"${v}" is not an IPsec tunnel profile id of this tenant`,
      load: async (api) => {
        const items = await profileItems(api);
        return (v) => items.some((p) => sameId(p.id, v));
      },
    },
  };
}

/**
 * Numbers, booleans and whole lists must be literals to send (the mapping
 * passes expressions through for previews); a `dynamic` block is expanded by
 * Terraform only.
 */
function literalIssues(values: readonly DesignValue[], design: ConnectorDesign): UnresolvedReference[] {
  const issues = values.flatMap(({ path, spec, value }) => {
    if (!isExpression(value) || spec.reference || spec.sensitive) return [];
    if (spec.type.includes('(') && !/\.\d+$/.test(path))
      return [
        {
          path,
          value,
          message: `${hclOf(value)} is a Terraform expression for the whole list; write the ${spec.label} out to provision`,
        },
      ];
    return spec.type !== 'string' && spec.type !== 'list(string)'
      ? [{ path, value, message: `${hclOf(value)} is a Terraform expression; enter the ${spec.label} to provision` }]
      : [];
  });
  for (const path of dynamicBlockPaths(CONNECTOR_RESOURCE, design)) {
    const block = path.split('.').pop();
    issues.push({
      path,
      value: `dynamic "${block}"`,
      message: `dynamic "${block}" blocks are expanded by Terraform; write the ${block} blocks out to provision from here, or apply this file with terraform`,
    });
  }
  return issues;
}

/**
 * Resolves `design` against the tenant: every attribute with a reference
 * kind in the description (segments, credentials, group, billing tags, CXP,
 * tunnel profiles) that the design sends. `stored` is the connector being
 * replaced (for PUT): its secrets fill fields sent as the stored secret.
 */
export async function resolveDesign(
  api: AlkiraApi,
  design: ConnectorDesign,
  stored?: AlkiraConnector,
): Promise<Resolution> {
  const values = designValues(CONNECTOR_RESOURCE, design, effectiveTunnelProtocol(design));
  const unresolved = literalIssues(values, design);

  const segmentNames: SegmentNames = new Map();
  const resolvers = kindResolvers(segmentNames);
  const byKind = new Map<ReferenceKind, DesignValue[]>();
  for (const v of values)
    if (v.spec.reference) byKind.set(v.spec.reference, [...(byKind.get(v.spec.reference) ?? []), v]);
  // Catalog lists are fetched only for the kinds the design refers to, in parallel.
  const known = new Map(
    await Promise.all(
      [...byKind].map(
        async ([kind, refs]) =>
          [
            kind,
            await resolvers[kind].load(
              api,
              refs.map((r) => show(r.value)),
            ),
          ] as const,
      ),
    ),
  );
  for (const [kind, refs] of byKind) {
    for (const { path, value } of refs) {
      if (isExpression(value))
        unresolved.push({
          path,
          value,
          message: `${hclOf(value)} is a Terraform expression; pick ${resolvers[kind].what} from the tenant to provision`,
        });
      else if (!known.get(kind)?.(show(value)))
        unresolved.push({ path, value: show(value), message: resolvers[kind].unknown(show(value)) });
    }
  }

  if (unresolved.length > 0) return { ok: false, unresolved };

  // Stored secrets take the replaced connector's values (matched by place: its segments named by the design's ids).
  const segmentIdByName = new Map([...segmentNames].flatMap(([id, name]) => (name ? [[name, id] as const] : [])));
  const { design: filled, missing } = fillStoredSecrets(design, stored, (name) => segmentIdByName.get(name));
  for (const { path } of missing) {
    unresolved.push({
      path,
      value: SENSITIVE_PLACEHOLDER,
      message: `the ${labelOf(path)} is kept as stored, but nothing is stored for it; enter it`,
    });
  }
  for (const { path, spec, holder, name } of sensitiveSlots(filled)) {
    if (isExpression(holder[name]))
      unresolved.push({
        path,
        value: SENSITIVE_PLACEHOLDER,
        message: `the ${spec.label.toLowerCase()} is a Terraform expression; enter the value to provision`,
      });
  }
  if (unresolved.length > 0) return { ok: false, unresolved };
  const body = designToAlkiraConnector(filled, { segmentName: (id) => segmentNames.get(String(id)) ?? undefined });
  const sensitive = designKeys(filled);
  return { ok: true, body, sensitive };
}

/** "pre-shared key" for a sensitive attribute's path. */
function labelOf(path: string): string {
  return (attributeAt(path)?.label ?? path).toLowerCase();
}
