/**
 * The resource description against the provider's own schema
 * (`terraform providers schema -json`, provider v1.5.1): every name, type,
 * required/optional/computed, sensitive flag, nesting mode and min_items must
 * agree in both directions, so drift between the two fails CI.
 */
import { describe, expect, it } from 'vitest';
import { CONNECTOR_RESOURCE, RESOURCE_TYPE, type BodySpec } from '@/lib/connector/resource';
import { alkiraProviderSchema, PROVIDER_SCHEMA_FILE, type ProviderBlock } from '../helpers/provider-schema';

function loadProviderBlock(): ProviderBlock {
  const resource = alkiraProviderSchema()?.resource_schemas?.[RESOURCE_TYPE];
  if (!resource) throw new Error(`${PROVIDER_SCHEMA_FILE} has no ${RESOURCE_TYPE}`);
  return resource.block;
}

/** One comparable line per fact, e.g. `instances.loopback_subnet: string required`. */
function providerFacts(block: ProviderBlock, at = ''): string[] {
  const facts: string[] = [];
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    const type = Array.isArray(a.type) ? `${a.type[0]}(${a.type[1]})` : a.type;
    const presence = a.required
      ? 'required'
      : a.optional && a.computed
        ? 'optional+computed'
        : a.computed
          ? 'computed'
          : 'optional';
    facts.push(`${at}${name}: ${type} ${presence}${a.sensitive ? ' sensitive' : ''}`);
  }
  for (const [name, b] of Object.entries(block.block_types ?? {})) {
    facts.push(`${at}${name}: block ${b.nesting_mode} min ${b.min_items ?? 0}`);
    facts.push(...providerFacts(b.block, `${at}${name}.`));
  }
  return facts.sort();
}

function descriptionFacts(body: BodySpec, at = ''): string[] {
  const facts: string[] = [];
  for (const [name, a] of Object.entries(body.attributes)) {
    facts.push(`${at}${name}: ${a.type} ${a.presence}${a.sensitive ? ' sensitive' : ''}`);
  }
  for (const [name, b] of Object.entries(body.blocks)) {
    facts.push(`${at}${name}: block ${b.nesting} min ${b.minItems}`);
    facts.push(...descriptionFacts(b.body, `${at}${name}.`));
  }
  return facts.sort();
}

/** What differs, both ways: facts only the provider has, facts only the description has. */
function drift(provider: ProviderBlock, description: BodySpec) {
  const ours = new Set(descriptionFacts(description));
  const theirs = new Set(providerFacts(provider));
  return {
    missingFromDescription: [...theirs].filter((fact) => !ours.has(fact)),
    notInProvider: [...ours].filter((fact) => !theirs.has(fact)),
  };
}

describe('resource description ↔ provider schema v1.5.1', () => {
  const provider = loadProviderBlock();

  it('agrees on every attribute and block, both directions', () => {
    expect(drift(provider, CONNECTOR_RESOURCE)).toEqual({ missingFromDescription: [], notInProvider: [] });
  });

  it('covers the whole schema (every attribute of every nesting level is compared)', () => {
    // 12 + 8 + 1 + 1 + 8 + 4 attributes and 5 blocks: a sanity check that the comparison walked everything.
    expect(providerFacts(provider)).toHaveLength(34 + 5);
    expect(descriptionFacts(CONNECTOR_RESOURCE)).toHaveLength(34 + 5);
  });

  it('reports drift: a flipped sensitive flag, a changed type, a missing attribute and a changed min_items', () => {
    const tampered: ProviderBlock = structuredClone(provider);
    const tunnel =
      tampered.block_types!.instances!.block.block_types!.ipsec_customer_gateway!.block.block_types!.customer_gateway!
        .block.block_types!.tunnel!;
    tunnel.block.attributes!.remote_auth_value!.sensitive = false;
    tampered.attributes!.billing_tag_ids!.type = ['list', 'number'];
    tampered.block_types!.segment_options!.block.attributes!.new_flag = { type: 'bool', optional: true };
    tunnel.min_items = 0;
    const found = drift(tampered, CONNECTOR_RESOURCE);
    expect(found.missingFromDescription).toEqual(
      [
        'billing_tag_ids: list(number) optional',
        'instances.ipsec_customer_gateway.customer_gateway.tunnel: block list min 0',
        'instances.ipsec_customer_gateway.customer_gateway.tunnel.remote_auth_value: string optional',
        'segment_options.new_flag: bool optional',
      ].sort(),
    );
    expect(found.notInProvider).toEqual(
      [
        'billing_tag_ids: set(number) optional',
        'instances.ipsec_customer_gateway.customer_gateway.tunnel: block list min 1',
        'instances.ipsec_customer_gateway.customer_gateway.tunnel.remote_auth_value: string optional sensitive',
      ].sort(),
    );
  });
});
