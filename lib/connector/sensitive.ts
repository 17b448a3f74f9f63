/**
 * Which design attributes hold secrets. The provider schema marks
 * `pre_shared_key` and `remote_auth_value` (tunnel) sensitive; this is the one
 * place that decides it, so it can read the resource description's
 * `sensitive` flag once that exists.
 */
const SENSITIVE_ATTRIBUTES: ReadonlySet<string> = new Set(['pre_shared_key', 'remote_auth_value']);

/** True when the attribute at the end of a design path (`...tunnel.0.pre_shared_key`) is sensitive. */
export function isSensitiveAttribute(pathOrName: string): boolean {
  const name = pathOrName.slice(pathOrName.lastIndexOf('.') + 1);
  return SENSITIVE_ATTRIBUTES.has(name);
}

/** How a sensitive value is shown in diffs and plans. */
export const SENSITIVE_PLACEHOLDER = '(sensitive)';

/** A deep copy with every sensitive attribute's set value replaced by `replace(value, path)`. */
export function mapSensitiveValues(value: unknown, replace: (secret: unknown, path: string) => unknown, path = ''): unknown {
  if (Array.isArray(value)) return value.map((v, i) => mapSensitiveValues(v, replace, path ? `${path}.${i}` : String(i)));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    out[k] = isSensitiveAttribute(k) && v !== undefined && v !== null && v !== '' ? replace(v, p) : mapSensitiveValues(v, replace, p);
  }
  return out;
}

/** Where a tunnel sits, independent of list order: instance, segment, gateway and tunnel names. */
function tunnelIdentity(instance: unknown, ipsecGateway: unknown, gateway: unknown, tunnel: unknown): string {
  const f = (r: unknown, k: string) => (r !== null && typeof r === 'object' && !Array.isArray(r) ? String((r as Record<string, unknown>)[k] ?? '') : '');
  return JSON.stringify([f(instance, 'name'), f(ipsecGateway, 'segment_id'), f(gateway, 'name'), f(tunnel, 'name')]);
}

/** Calls `visit` for every tunnel record with its path and identity. */
function forEachTunnel(design: unknown, visit: (tunnel: Record<string, unknown>, path: string, identity: string) => void): void {
  const list = (v: unknown): Record<string, unknown>[] =>
    Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x)) : [];
  if (design === null || typeof design !== 'object' || Array.isArray(design)) return;
  list((design as Record<string, unknown>).instances).forEach((inst, i) =>
    list(inst.ipsec_customer_gateway).forEach((g, j) =>
      list(g.customer_gateway).forEach((cg, k) =>
        list(cg.tunnel).forEach((t, l) =>
          visit(t, `instances.${i}.ipsec_customer_gateway.${j}.customer_gateway.${k}.tunnel.${l}`, tunnelIdentity(inst, g, cg, t)),
        ),
      ),
    ),
  );
}

export interface MaskedWithoutValue {
  path: string;
  message: string;
}

/**
 * Replaces every sensitive tunnel value equal to `mask` in `design` (in place
 * on a copy) with the value the same tunnel has in `reference` — the stored
 * version or the live connector — so a design read back masked can be saved or
 * planned without the browser ever holding the secret. Reports masks with no
 * counterpart.
 */
export function keepMaskedSecrets<T>(design: T, reference: unknown, mask: string): { design: T; missing: MaskedWithoutValue[] } {
  const known = new Map<string, Record<string, unknown>>();
  forEachTunnel(reference, (t, _p, id) => known.set(id, t));
  const copy: T = structuredClone(design);
  const missing: MaskedWithoutValue[] = [];
  forEachTunnel(copy, (t, path, id) => {
    for (const [name, value] of Object.entries(t)) {
      if (!isSensitiveAttribute(name) || value !== mask) continue;
      const stored = known.get(id)?.[name];
      if (typeof stored === 'string' && stored !== '' && stored !== mask) t[name] = stored;
      else missing.push({ path: `${path}.${name}`, message: 'This key is masked and no stored key matches this tunnel; enter the key again' });
    }
  });
  return { design: copy, missing };
}
