import 'server-only';
/**
 * Turns a validated design into the Alkira request body, resolving every
 * reference against the tenant first. Terraform expressions (`${...}`) and
 * ids the tenant doesn't know can't be provisioned; they are all reported
 * together (409 `unresolved`) rather than one at a time.
 */
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import { effectiveTunnelProtocol, isExpression, type ConnectorDesign, type NumberLike } from '@/lib/connector/design';
import { designToAlkiraConnector } from '@/lib/connector/mapping';
import type { AlkiraApi } from './api';
import { credentialItems, cxpItems, profileItems } from './catalog';
import { DESIGN_MASK, designKeys, storedSecretsByTunnel, TUNNEL_SECRETS, tunnelKey } from './secrets';

export interface UnresolvedReference {
  path: string;
  value: string;
  message: string;
}

export type Resolution =
  | { ok: true; body: AlkiraConnector; sensitive: string[] }
  | { ok: false; unresolved: UnresolvedReference[] };

const what = {
  segment: 'a segment',
  credential: 'a credential',
  group: 'a group',
  tag: 'a billing tag',
  cxp: 'a CXP',
  profile: 'an IPsec tunnel profile',
} as const;

function expressionMessage(value: string, kind: keyof typeof what): string {
  return `"${value}" is a Terraform expression; pick ${what[kind]} from the tenant to provision`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

interface Ref {
  path: string;
  value: string;
}

/** Segment references the mapping will send (gateway segments only matter for IPSEC). */
function segmentRefs(design: ConnectorDesign): Ref[] {
  const refs: Ref[] = (design.segment_options ?? []).map((s, i) => ({ path: `segment_options.${i}.segment_id`, value: s.segment_id }));
  if (effectiveTunnelProtocol(design) === 'IPSEC') {
    (design.instances ?? []).forEach((inst, i) =>
      (inst.ipsec_customer_gateway ?? []).forEach((g, j) =>
        refs.push({ path: `instances.${i}.ipsec_customer_gateway.${j}.segment_id`, value: g.segment_id }),
      ),
    );
  }
  return refs;
}

function profileRefs(design: ConnectorDesign): { path: string; value: NumberLike }[] {
  if (effectiveTunnelProtocol(design) !== 'IPSEC') return [];
  const refs: { path: string; value: NumberLike }[] = [];
  (design.instances ?? []).forEach((inst, i) =>
    (inst.ipsec_customer_gateway ?? []).forEach((g, j) =>
      (g.customer_gateway ?? []).forEach((cg, k) =>
        (cg.tunnel ?? []).forEach((t, l) => {
          if (t.profile_id !== undefined && t.profile_id !== '') {
            refs.push({ path: `instances.${i}.ipsec_customer_gateway.${j}.customer_gateway.${k}.tunnel.${l}.profile_id`, value: t.profile_id });
          }
        }),
      ),
    ),
  );
  return refs;
}

/** Plain numeric fields must be literal numbers to send (the mapping passes expressions through). */
function numericLiterals(design: ConnectorDesign, out: UnresolvedReference[]): void {
  (design.segment_options ?? []).forEach((s, i) => {
    if (isExpression(s.customer_asn)) {
      out.push({ path: `segment_options.${i}.customer_asn`, value: s.customer_asn, message: `"${s.customer_asn}" is a Terraform expression; enter the ASN to provision` });
    }
  });
  if (effectiveTunnelProtocol(design) === 'VXLAN') {
    (design.instances ?? []).forEach((inst, i) =>
      (inst.virtual_network_interface ?? []).forEach((v, j) => {
        if (isExpression(v)) {
          out.push({ path: `instances.${i}.virtual_network_interface.${j}`, value: v, message: `"${v}" is a Terraform expression; enter the VNI to provision` });
        }
      }),
    );
  }
}

/**
 * Resolves `design` against the tenant. `stored` is the connector being
 * replaced (for PUT): its pre-shared keys fill tunnels sent as `DESIGN_MASK`.
 */
export async function resolveDesign(api: AlkiraApi, design: ConnectorDesign, stored?: AlkiraConnector): Promise<Resolution> {
  const unresolved: UnresolvedReference[] = [];
  numericLiterals(design, unresolved);
  const protocol = effectiveTunnelProtocol(design);

  // Segments: id → name, one GET per distinct id (cached for this request).
  const segmentNames = new Map<string, string | null>();
  const segRefs = segmentRefs(design);
  const distinctIds = [...new Set(segRefs.map((r) => r.value).filter((v) => /^\d+$/.test(String(v))))];
  await Promise.all(
    distinctIds.map(async (id) => {
      const seg = await api.segment(id);
      segmentNames.set(id, seg ? seg.name : null);
    }),
  );
  for (const r of segRefs) {
    if (isExpression(r.value)) unresolved.push({ ...r, message: expressionMessage(r.value, 'segment') });
    else if (!segmentNames.get(String(r.value))) {
      unresolved.push({ ...r, value: show(r.value), message: `"${show(r.value)}" is not a segment id of this tenant; pick a segment from the tenant` });
    }
  }

  // Catalog lists, fetched only when the design refers to them.
  const billing = (design.billing_tag_ids ?? []).filter((b) => b !== '');
  const profiles = profileRefs(design);
  const [credentials, groups, tags, cxps, profileList] = await Promise.all([
    credentialItems(api),
    design.group ? api.groups() : Promise.resolve([]),
    billing.length ? api.billingTags() : Promise.resolve([]),
    cxpItems(api),
    profiles.length ? profileItems(api) : Promise.resolve([]),
  ]);

  const check = (path: string, value: unknown, kind: keyof typeof what, known: boolean, unknownMsg: string) => {
    if (isExpression(value)) unresolved.push({ path, value, message: expressionMessage(value, kind) });
    else if (!known) unresolved.push({ path, value: show(value), message: unknownMsg });
  };

  (design.instances ?? []).forEach((inst, i) => {
    const id = inst.credential_id;
    check(`instances.${i}.credential_id`, id, 'credential', credentials.some((c) => c.id === id),
      `"${show(id)}" is not an Azure VNET credential of this tenant`);
  });
  if (design.group) {
    const g = design.group;
    check('group', g, 'group', groups.some((x) => x.name === g), `"${g}" is not a group of this tenant`);
  }
  billing.forEach((b, i) => {
    check(`billing_tag_ids.${i}`, b, 'tag', tags.some((t) => String(t.id) === String(b).trim()), `"${show(b)}" is not a billing tag id of this tenant`);
  });
  check('cxp', design.cxp, 'cxp', cxps.some((c) => c.name === design.cxp), `"${show(design.cxp)}" is not an Azure CXP available to this tenant`);
  for (const p of profiles) {
    check(p.path, p.value, 'profile', profileList.some((x) => String(x.id) === String(p.value).trim()),
      `"${show(p.value)}" is not an IPsec tunnel profile id of this tenant`);
  }

  if (unresolved.length > 0) return { ok: false, unresolved };

  const body = designToAlkiraConnector(design, { segmentName: (id) => segmentNames.get(String(id)) ?? undefined });
  const sensitive = designKeys(design);
  if (protocol === 'IPSEC') restoreMaskedKeys(body, stored, unresolved, sensitive);
  if (unresolved.length > 0) return { ok: false, unresolved };
  return { ok: true, body, sensitive };
}

/** Replaces `DESIGN_MASK` secrets (pre-shared keys, remote auth values) with the stored value of the same tunnel. */
function restoreMaskedKeys(body: AlkiraConnector, stored: AlkiraConnector | undefined, unresolved: UnresolvedReference[], sensitive: string[]) {
  const secrets = stored ? storedSecretsByTunnel(stored) : new Map<string, Partial<Record<string, string>>>();
  body.instances.forEach((inst, i) =>
    (inst.segmentOptions ?? []).forEach((so, j) =>
      so.customerGateways.forEach((g, k) =>
        g.tunnels.forEach((t, l) => {
          for (const [name, api, spec] of TUNNEL_SECRETS) {
            const path = `instances.${i}.ipsec_customer_gateway.${j}.customer_gateway.${k}.tunnel.${l}.${name}`;
            const what = spec.label.toLowerCase();
            const value = t[api];
            if (isExpression(value)) {
              unresolved.push({ path, value: DESIGN_MASK, message: `the ${what} is a Terraform expression; enter the value to provision` });
              continue;
            }
            if (value !== DESIGN_MASK) continue;
            const kept = secrets.get(tunnelKey(inst.name, so.segmentName, g.name, t.name))?.[api];
            if (kept) {
              t[api] = kept;
              sensitive.push(kept);
            } else {
              unresolved.push({ path, value: DESIGN_MASK, message: `the ${what} is masked and no stored value exists for this tunnel; enter it` });
            }
          }
        }),
      ),
    ),
  );
}
