/**
 * Stored-secret round trips follow the description's `sensitive` flag: every
 * sensitive value (pre-shared keys and remote auth values alike) leaves as
 * the stored secret `{ stored: true }`, and one sent back gets the stored
 * value of the same place, even after gateways are reordered. A diff shown to
 * a caller never compares a typed secret with the stored one.
 */
import { describe, expect, it } from 'vitest';
import {
  blindToTypedSecrets,
  keepStoredSecrets,
  replaceSensitiveValues,
  sensitiveSlots,
  storedWhere,
  withStoredSecrets,
} from '@/lib/connector/sensitive';
import { diffDesigns } from '@/lib/connector/diff';
import { designToAlkiraConnector } from '@/lib/connector/mapping';
import { STORED_SECRET } from '@/lib/connector/stored-secret';
import { SENSITIVE_ATTRIBUTES } from '@/lib/connector/resource';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { present } from '../helpers/present';

const ipsec = () => structuredClone(DESIGN_TEMPLATES.find((t) => t.design.tunnel_protocol === 'IPSEC')!.design);
/** The first tunnel of the first gateway of the first instance; fails when the design has none. */
const tunnel0 = (d: ReturnType<typeof ipsec>) =>
  present(d.instances[0]?.ipsec_customer_gateway?.[0]?.customer_gateway[0]?.tunnel[0], 'the first tunnel');
/** The first instance's gateways; fails when it has none. */
const gateways0 = (d: ReturnType<typeof ipsec>) =>
  present(d.instances[0]?.ipsec_customer_gateway, "the first instance's gateways");

describe('sensitive values of a design', () => {
  it('are found at every tunnel, for every sensitive attribute of the description', () => {
    const design = ipsec();
    const slots = sensitiveSlots(design);
    const tunnels = design.instances.flatMap((i) =>
      (i.ipsec_customer_gateway ?? []).flatMap((g) => g.customer_gateway.flatMap((c) => c.tunnel)),
    );
    expect(slots).toHaveLength(tunnels.length * SENSITIVE_ATTRIBUTES.size);
    expect(new Set(slots.map((s) => s.name))).toEqual(SENSITIVE_ATTRIBUTES);
  });

  it('all become the stored secret, remote auth values included, and nothing else changes', () => {
    const design = ipsec();
    const masked = withStoredSecrets(design);
    const tunnel = tunnel0(masked);
    expect(tunnel.remote_auth_value).toEqual({ stored: true });
    expect(tunnel.pre_shared_key).toEqual({ stored: true });
    expect(JSON.stringify(masked)).not.toContain(tunnel0(design).remote_auth_value);
    expect(tunnel.name).toBe(tunnel0(design).name);
    // The original is untouched.
    expect(typeof tunnel0(design).remote_auth_value).toBe('string');
  });

  it('stored and sent back in another order, get the stored values of the same tunnels', () => {
    const stored = ipsec();
    const edited = withStoredSecrets(stored);
    gateways0(edited).reverse();
    const { design, missing } = keepStoredSecrets(edited, stored);
    expect(missing).toEqual([]);
    const reversed = [...gateways0(stored)].reverse();
    expect(design.instances[0]?.ipsec_customer_gateway).toEqual(reversed);
  });

  it('a stored secret with nothing stored at its place is reported at its path', () => {
    const edited = withStoredSecrets(ipsec());
    tunnel0(edited).name = 'renamed-tunnel';
    const { missing } = keepStoredSecrets(edited, ipsec());
    const at = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';
    expect(missing.map((m) => m.path).sort()).toEqual([`${at}.pre_shared_key`, `${at}.remote_auth_value`]);
  });

  it('no text is a stored secret, not even the old mask', () => {
    const edited = ipsec();
    tunnel0(edited).pre_shared_key = '********';
    const { design, missing } = keepStoredSecrets(edited, ipsec());
    expect(missing).toEqual([]);
    expect(tunnel0(design).pre_shared_key).toBe('********');
  });
});

describe('diffs a caller sees', () => {
  const T0 = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';

  it('a typed key reads as changed whether it equals the stored one or not', () => {
    const stored = ipsec();
    const right = withStoredSecrets(stored);
    tunnel0(right).pre_shared_key = tunnel0(stored).pre_shared_key;
    const wrong = withStoredSecrets(stored);
    tunnel0(wrong).pre_shared_key = 'a-wrong-guess';
    const seen = (sent: ReturnType<typeof ipsec>) =>
      diffDesigns(blindToTypedSecrets(stored, sent), keepStoredSecrets(sent, stored).design);
    const expected = [{ path: `${T0}.pre_shared_key`, action: 'update', before: '(sensitive)', after: '(sensitive)' }];
    expect(seen(right)).toEqual(expected);
    expect(seen(wrong)).toEqual(expected);
    expect(seen(withStoredSecrets(stored))).toEqual([]);
  });

  it('storedWhere puts the stored secret where the other design holds one', () => {
    const other = ipsec();
    tunnel0(other).remote_auth_value = STORED_SECRET;
    const out = storedWhere(ipsec(), other);
    expect(tunnel0(out).remote_auth_value).toEqual(STORED_SECRET);
    expect(tunnel0(out).pre_shared_key).toBe(tunnel0(ipsec()).pre_shared_key);
  });
});

describe('a stored secret in the Alkira body', () => {
  it('is left out (the API has no word for it), or shown as a preview asks', () => {
    const design = withStoredSecrets(ipsec());
    const tunnelOf = (body: ReturnType<typeof designToAlkiraConnector>) =>
      present(body.instances[0]?.segmentOptions?.[0]?.customerGateways[0]?.tunnels[0], 'the first tunnel of the body');
    expect(tunnelOf(designToAlkiraConnector(design))).not.toHaveProperty('preSharedKey');
    expect(tunnelOf(designToAlkiraConnector(design, { storedSecret: '(stored)' })).preSharedKey).toBe('(stored)');
  });
});

describe('replaceSensitiveValues', () => {
  it('replaces exactly the sensitive values it is asked to, sharing everything it leaves alone', () => {
    const design = ipsec();
    const before = structuredClone(design);
    const first = tunnel0(design).pre_shared_key;
    const out = replaceSensitiveValues(design, (value) => (value === first ? 'rotated-key-000' : value));
    expect(tunnel0(out).pre_shared_key).toBe('rotated-key-000');
    // The input is untouched; the gateways other than the changed one are the same objects.
    expect(design).toEqual(before);
    const gateways = present(out.instances[0]?.ipsec_customer_gateway, 'the gateways');
    expect(gateways.length).toBeGreaterThan(1);
    gateways.slice(1).forEach((g, i) => expect(g).toBe(gateways0(design)[i + 1]));
    expect(gateways[0]).not.toBe(gateways0(design)[0]);
    // Nothing else changed: putting the key back gives the design again.
    expect(replaceSensitiveValues(out, (v) => (v === 'rotated-key-000' ? first : v))).toEqual(design);
    // A replacement that changes nothing returns the design itself.
    expect(replaceSensitiveValues(design, (v) => v)).toBe(design);
  });
});
