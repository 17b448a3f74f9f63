/**
 * fast-check generators of connector designs.
 *
 * `validDesignArb` yields designs that satisfy every documented rule:
 * /23 vHub prefix and /26 loopbacks with zero host bits and no overlap (the
 * vHub lives in 10/8, loopbacks in 192.168/16, each loopback a distinct /26);
 * VXLAN instances with one unicast MAC (two with redundant_router) and VNIs
 * in range, unique across the connector; IPSEC instances with one
 * ipsec_customer_gateway per segment_options segment; IKEv2 + FQDN tunnels;
 * private customer ASNs outside 65515–65520; unique instance, gateway,
 * tunnel and segment names; GUID subscriptions in circuit IDs.
 *
 * Names are made unique by suffixing their position, so shrinking stays valid.
 */
import fc from 'fast-check';
import {
  CONNECTOR_SIZES,
  isExpression,
  toExpression,
  type ConnectorDesign,
  type InstanceDesign,
  type IpsecCustomerGatewayDesign,
  type NumberLike,
  type SegmentOptionDesign,
  type TunnelDesign,
} from '@/lib/connector/design';
import { forbiddenTextReason } from '@/lib/connector/rules/safe-values';
import { instanceOf } from './design-parts';
import { take } from './present';

export const VNI_RANGE = { min: 16773023, max: 16777215 } as const;

/** A lower-case Terraform identifier fragment, e.g. `prod_2`. */
export const identifierArb: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);

/** A hyphenated lower-case name as people give Alkira objects, e.g. `prod-gw`. */
export const slugArb: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,6}){0,2}$/);

/** Text a hostile or careless user might type: quotes, backslashes, template openers, control chars, unicode. */
export const nastyStringArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc
    .array(
      fc.constantFrom(
        '"',
        '\\',
        '${',
        '%{',
        '$${',
        '%%{',
        '$',
        '%',
        '{',
        '}',
        '\n',
        '\r\n',
        '\t',
        '\u0000',
        '\u001b',
        '\u007f',
        '\u0085',
        '\u2028',
        'é',
        '日本',
        '😀',
        '\ud800',
        ' ',
        'x',
        '${var.x}',
        '\\n',
        '#',
        '//',
        '/*',
      ),
      { maxLength: 10 },
    )
    .map((parts) => parts.join('')),
);

const privateAsnArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 64512, max: 65514 }),
  fc.integer({ min: 65521, max: 65534 }),
);

/** Numbers arrive from forms and .tf files as numbers or numeric strings. */
function numberLike(arb: fc.Arbitrary<number>): fc.Arbitrary<NumberLike> {
  return fc.oneof(arb, arb.map(String));
}

const unicastMacArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 0, max: 255 }).map((b) => b & 0xfe),
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }),
    fc.integer({ min: 1, max: 255 }),
  )
  .map(([first, middle, last]) =>
    [first, ...middle, last].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':'),
  );

const fqdnArb: fc.Arbitrary<string> = fc
  .tuple(slugArb, fc.constantFrom('example.com', 'corp.example.net', 'vpn.example.org'))
  .map(([host, domain]) => `${host}.${domain}`);

const credentialArb: fc.Arbitrary<string> = fc.oneof(
  identifierArb.map((id) => toExpression(`alkira_credential_azure_vnet.${id}.id`)),
  fc.uuid(),
);

const pskArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ minLength: 8, maxLength: 40 }).filter((s) => s.trim().length > 0),
  // A literal key; `${...}` would make it an expression. NUL and bidi controls are refused (rules/safe-values.ts).
  nastyStringArb.filter((s) => s.trim().length > 0 && !isExpression(s) && forbiddenTextReason(s) === null),
  identifierArb.map((id) => toExpression(`var.${id}`)),
);

const tunnelArb = (index: number): fc.Arbitrary<TunnelDesign> =>
  fc.record(
    {
      name: slugArb.map((s) => `${s}-t${index}`),
      ike_version: fc.constant('IKEv2'),
      initiator: fc.option(fc.boolean(), { nil: undefined }),
      pre_shared_key: pskArb,
      profile_id: fc.option(numberLike(fc.integer({ min: 1, max: 9999 })), { nil: undefined }),
      remote_auth_type: fc.constant('FQDN'),
      remote_auth_value: fqdnArb,
    },
    { requiredKeys: ['name', 'ike_version', 'pre_shared_key', 'remote_auth_type', 'remote_auth_value'] },
  );

function indexed<T>(count: { min: number; max: number }, make: (i: number) => fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.integer(count).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => make(i))));
}

function ipsecGatewaysArb(segmentIds: string[]): fc.Arbitrary<IpsecCustomerGatewayDesign[]> {
  return fc.tuple(
    ...segmentIds.map((segment_id, g) =>
      indexed({ min: 1, max: 2 }, (c) =>
        fc.record({
          // Unique across the instance: gateway names encode segment and position.
          name: slugArb.map((s) => `${s}-g${g}-${c}`),
          tunnel: indexed({ min: 1, max: 2 }, tunnelArb),
        }),
      ).map((customer_gateway) => ({ segment_id, customer_gateway })),
    ),
  );
}

interface InstanceSlot {
  index: number;
  /** Index of a distinct /26 inside 192.168.0.0/16. */
  loopbackSlot: number;
}

function instanceArb(
  protocol: string | undefined,
  slot: InstanceSlot,
  segmentIds: string[],
  vnis: number[],
): fc.Arbitrary<InstanceDesign> {
  const loopback = `192.168.${slot.loopbackSlot >> 2}.${(slot.loopbackSlot & 3) * 64}/26`;
  const base = fc.record({
    name: slugArb.map((s) => `${s}-${slot.index}`),
    subscription: fc.uuid(),
    redundant_router: fc.boolean(),
    credential_id: credentialArb,
  });
  return base.chain(({ name, subscription, redundant_router, credential_id }) => {
    const instance: InstanceDesign = {
      name,
      expressroute_circuit_id: `/subscriptions/${subscription}/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/${name}-circuit`,
      redundant_router,
      loopback_subnet: loopback,
      credential_id,
    };
    if (protocol === 'VXLAN') {
      return fc
        .uniqueArray(unicastMacArb, { minLength: redundant_router ? 2 : 1, maxLength: redundant_router ? 2 : 1 })
        .map((gateway_mac_address) => ({
          ...instance,
          gateway_mac_address,
          ...(vnis.length ? { virtual_network_interface: vnis } : {}),
        }));
    }
    if (protocol === 'IPSEC') {
      return ipsecGatewaysArb(segmentIds).map((ipsec_customer_gateway) => ({ ...instance, ipsec_customer_gateway }));
    }
    return fc.constant(instance);
  });
}

function segmentOptionArb(segment_id: string): fc.Arbitrary<SegmentOptionDesign> {
  return fc.record(
    {
      segment_id: fc.constant(segment_id),
      customer_asn: numberLike(privateAsnArb),
      disable_internet_exit: fc.boolean(),
      advertise_on_prem_routes: fc.boolean(),
    },
    { requiredKeys: ['segment_id', 'customer_asn'] },
  );
}

const segmentIdsArb: fc.Arbitrary<string[]> = fc
  .uniqueArray(identifierArb, { minLength: 1, maxLength: 3 })
  .map((names) => names.map((n) => toExpression(`alkira_segment.${n}.id`)));

const vhubArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 127 }))
  .map(([b, c]) => `10.${b}.${c * 2}.0/23`);

const billingTagArb: fc.Arbitrary<NumberLike> = fc.oneof(
  fc.integer({ min: 1, max: 99999 }),
  identifierArb.map((id) => toExpression(`alkira_billing_tag.${id}.id`)),
);

/** A design that passes validation. */
export const validDesignArb: fc.Arbitrary<ConnectorDesign> = fc
  .record({
    resource_name: identifierArb,
    name: slugArb,
    description: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
    size: fc.constantFrom(...CONNECTOR_SIZES),
    enabled: fc.option(fc.boolean(), { nil: undefined }),
    vhub_prefix: vhubArb,
    cxp: fc.constantFrom('USWEST-AZURE-1', 'USEAST-AZURE-1', 'EUWEST-AZURE-1'),
    tunnel_protocol: fc.constantFrom<string | undefined>('VXLAN', 'VXLAN_GPE', 'IPSEC', undefined),
    group: fc.option(
      fc.oneof(
        slugArb,
        identifierArb.map((id) => toExpression(`alkira_group.${id}.name`)),
      ),
      { nil: undefined },
    ),
    billing_tag_ids: fc.option(fc.uniqueArray(billingTagArb, { maxLength: 3 }), { nil: undefined }),
    segmentIds: segmentIdsArb,
    loopbackSlots: fc.uniqueArray(fc.integer({ min: 0, max: 1023 }), { minLength: 1, maxLength: 3 }),
    vnis: fc.uniqueArray(fc.integer(VNI_RANGE), { maxLength: 6 }),
  })
  .chain(({ segmentIds, loopbackSlots, vnis, tunnel_protocol, ...top }) =>
    fc
      .tuple(
        fc.tuple(
          ...loopbackSlots.map((loopbackSlot, index) =>
            instanceArb(tunnel_protocol, { index, loopbackSlot }, segmentIds, vnis.slice(index * 2, index * 2 + 2)),
          ),
        ),
        fc.tuple(...segmentIds.map(segmentOptionArb)),
      )
      .map(([instances, segment_options]) => {
        const design: ConnectorDesign = { ...top, instances, segment_options };
        if (tunnel_protocol !== undefined) design.tunnel_protocol = tunnel_protocol;
        // fc.option yields undefined keys; a real design simply lacks them.
        for (const [key, value] of Object.entries(design)) {
          if (value === undefined) Reflect.deleteProperty(design, key);
        }
        return design;
      }),
  );

/**
 * A valid design whose free-text fields hold nasty strings (still renderable;
 * the validator may object to some). Strings of the exact form `${...}` are
 * left out: by the design's convention they are the user's own HCL expressions,
 * which the renderer writes bare and does not reformat.
 */
export const nastyDesignArb: fc.Arbitrary<ConnectorDesign> = fc
  .tuple(
    validDesignArb,
    fc.array(
      nastyStringArb.filter((s) => !isExpression(s)),
      { minLength: 6, maxLength: 6 },
    ),
  )
  .map(([design, nasty]) => {
    const [resourceName, description, name, instanceName, credential, psk] = take(nasty, 6);
    const copy = structuredClone(design);
    copy.resource_name = resourceName;
    copy.description = description;
    copy.name = name;
    instanceOf(copy).name = instanceName;
    instanceOf(copy).credential_id = credential;
    const tunnel = instanceOf(copy).ipsec_customer_gateway?.[0]?.customer_gateway[0]?.tunnel[0];
    if (tunnel) {
      tunnel.pre_shared_key = psk;
      tunnel.name = name;
    }
    return copy;
  });

/**
 * Anything a half-filled form could hold: the design's keys with values of
 * any type (missing, '', NaN, numeric strings, wrong types, nested junk).
 */
export const formStateArb: fc.Arbitrary<unknown> = (() => {
  const junk = fc.oneof(
    fc.constantFrom(
      undefined,
      null,
      '',
      NaN,
      Infinity,
      -0,
      true,
      false,
      '65001',
      ' 12 ',
      '${}',
      '${ }',
      '${a.b}',
      '${\n}',
    ),
    fc.string({ maxLength: 8 }),
    fc.double(),
    fc.integer(),
    fc.anything({ maxDepth: 2 }),
  );
  const tunnel = fc.record(
    {
      name: junk,
      ike_version: junk,
      initiator: junk,
      pre_shared_key: junk,
      profile_id: junk,
      remote_auth_type: junk,
      remote_auth_value: junk,
    },
    { requiredKeys: [] },
  );
  const list = <T>(arb: fc.Arbitrary<T>) => fc.oneof(junk, fc.array(fc.oneof(arb, junk), { maxLength: 2 }));
  const customerGateway = fc.record({ name: junk, tunnel: list(tunnel) }, { requiredKeys: [] });
  const ipsecGateway = fc.record({ segment_id: junk, customer_gateway: list(customerGateway) }, { requiredKeys: [] });
  const instance = fc.record(
    {
      name: junk,
      expressroute_circuit_id: junk,
      redundant_router: junk,
      loopback_subnet: junk,
      credential_id: junk,
      gateway_mac_address: list(junk),
      virtual_network_interface: list(junk),
      ipsec_customer_gateway: list(ipsecGateway),
    },
    { requiredKeys: [] },
  );
  const segmentOption = fc.record(
    { segment_id: junk, customer_asn: junk, disable_internet_exit: junk, advertise_on_prem_routes: junk },
    { requiredKeys: [] },
  );
  const design = fc.record(
    {
      resource_name: junk,
      name: junk,
      description: junk,
      size: junk,
      enabled: junk,
      vhub_prefix: junk,
      cxp: junk,
      tunnel_protocol: junk,
      group: junk,
      billing_tag_ids: list(junk),
      instances: list(instance),
      segment_options: list(segmentOption),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(design, junk);
})();
