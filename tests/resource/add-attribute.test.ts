/**
 * "Adding an attribute is one file": the description module itself is
 * replaced (vi.mock) by the real description plus three new attributes — an
 * optional number, a bool with a provider default, a list of strings — and
 * the app's own modules, as the app imports them (no description passed in),
 * take them: design schema, importer, document edits, plan diff, drafts and
 * the form's shape, form fields, detail view, API mapping. No other file
 * names the new attributes; the real description does not have them (see the
 * last test), so nothing here passes by accepting anything.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FormProvider, useForm } from 'react-hook-form';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { at } from '../helpers/present';

vi.mock('@/lib/connector/resource/azure-expressroute', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/connector/resource/azure-expressroute')>();
  const resource = structuredClone(real.CONNECTOR_RESOURCE) as unknown as {
    attributes: Record<string, unknown>;
    blocks: Record<
      string,
      { body: { attributes: Record<string, unknown>; blocks: Record<string, { body: unknown }> } }
    >;
  };
  // Keys of the real description (a missing one fails the mock at once).
  const instance = resource.blocks.instances!.body;
  const tunnel = (instance.blocks.ipsec_customer_gateway!.body as typeof instance).blocks.customer_gateway!
    .body as typeof instance;
  const tunnelBody = tunnel.blocks.tunnel!.body as typeof instance;
  tunnelBody.attributes = {
    ...tunnelBody.attributes,
    dpd_timeout: {
      type: 'number',
      presence: 'optional',
      api: 'dpdTimeout',
      label: 'DPD timeout',
      doc: 'Seconds without a dead-peer-detection answer before the tunnel restarts.',
    },
    dpd_enabled: {
      type: 'bool',
      presence: 'optional',
      api: 'dpdEnabled',
      default: true,
      label: 'Dead-peer detection',
      doc: 'Probe the peer. Default is true.',
    },
  };
  instance.attributes = {
    ...instance.attributes,
    dns_servers: {
      type: 'list(string)',
      presence: 'optional',
      api: 'dnsServers',
      label: 'DNS servers',
      doc: 'Resolvers the circuit hands out.',
    },
  };
  return { ...real, CONNECTOR_RESOURCE: resource };
});

// The app's modules, each reading the (replaced) description module.
const { CONNECTOR_RESOURCE, attributeAt } = await import('@/lib/connector/resource');
const { connectorDesignSchema } = await import('@/lib/connector/schema');
const { parseConnectorHcl } = await import('@/lib/connector/hcl/parse');
const { renderConnectorHcl } = await import('@/lib/connector/hcl/render');
const { applyDesignOperations } = await import('@/lib/connector/hcl/document/operations');
const { parseHcl } = await import('@/lib/hcl/parser');
const { diffDesigns } = await import('@/lib/connector/diff');
const { designToAlkiraConnector, alkiraConnectorToDesign } = await import('@/lib/connector/mapping');
const { withFormLists, saveDocumentDraft, loadAnyDraft } = await import('@/components/designer/draft-storage');
const { DesignDocument } = await import('@/components/designer/design-document');
const { DesignDocumentContext } = await import('@/components/designer/design-document-context');
const { BodyFields } = await import('@/components/designer/attribute-field');
const { settingsTable } = await import('@/components/dashboard/settings-rows');
const { DESIGN_TEMPLATES } = await import('@/lib/connector/templates');
const { apiRequestSchema, parseApiBody } = await import('@/lib/connector/api-schema');
const { helpForPath, inputKindForPath } = await import('@/lib/connector/resource');

type Design = import('@/lib/connector/design').ConnectorDesign;
// biome-ignore lint/suspicious/noExplicitAny: the new attributes are not in the compiled design types (they are the point).
type Loose = Record<string, any>;

const TUNNEL = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';
const tunnelOf = (design: Loose) => design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0];

function ipsecDesign(): Loose {
  return structuredClone(DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!.design) as Loose;
}

function withNewValues(): Loose {
  const design = ipsecDesign();
  tunnelOf(design).dpd_timeout = 30;
  tunnelOf(design).dpd_enabled = false;
  design.instances[0].dns_servers = ['10.0.0.2', '10.0.0.3'];
  return design;
}

/** The form's fields of one tunnel and one instance, inside the providers the designer gives them. */
function Harness({ design, store }: { design: Design; store: InstanceType<typeof DesignDocument> }) {
  const form = useForm<Design>({ defaultValues: design });
  const fields = createElement(
    DesignDocumentContext,
    { value: store },
    createElement(BodyFields, { base: TUNNEL }),
    createElement(BodyFields, { base: 'instances.0' }),
  );
  // FormProvider's props type asks for children among the props; they are passed the canonical way.
  return createElement(
    QueryClientProvider,
    { client: new QueryClient() },
    createElement(FormProvider<Design, unknown, Design>, form as never, fields),
  );
}

describe('three attributes added to the description module only', () => {
  it('the design schema takes them (numeric text becomes a number)', () => {
    const design = withNewValues();
    tunnelOf(design).dpd_timeout = '45';
    const parsed = connectorDesignSchema.safeParse(design);
    expect(parsed.success).toBe(true);
    expect(tunnelOf(parsed.data as Loose).dpd_timeout).toBe(45);
    expect((parsed.data as Loose).instances[0].dns_servers).toEqual(['10.0.0.2', '10.0.0.3']);
  });

  it('the renderer writes them and the importer reads them back', () => {
    const hcl = renderConnectorHcl(withNewValues(), { preSharedKeys: 'inline' });
    expect(hcl).toMatch(/dpd_timeout += 30/);
    expect(hcl).toMatch(/dpd_enabled += false/);
    expect(hcl).toContain('dns_servers             = ["10.0.0.2", "10.0.0.3"]');
    const read = parseConnectorHcl(hcl);
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const design = at(read.designs, 0).design as Loose;
    expect(tunnelOf(design)).toMatchObject({ dpd_timeout: 30, dpd_enabled: false });
    expect(design.instances[0].dns_servers).toEqual(['10.0.0.2', '10.0.0.3']);
  });

  it('the document edits them in place, and a form edit of one reaches the file', () => {
    const source = renderConnectorHcl(ipsecDesign(), { preSharedKeys: 'inline' });
    const { text } = applyDesignOperations(
      parseHcl(source),
      [{ kind: 'set', path: ['instances', 0, 'dns_servers'], value: ['10.9.9.9'] }],
      { resource: 'multi_segment' },
    );
    expect(text).toContain('dns_servers             = ["10.9.9.9"]');

    const start = withFormLists(ipsecDesign() as Design) as Loose;
    let values = structuredClone(start);
    const doc = new DesignDocument(
      { getValues: () => values as Design, show: (d) => (values = structuredClone(d) as Loose) },
      start as Design,
      { omitDefaults: true, preSharedKeys: 'inline' },
    );
    tunnelOf(values).dpd_timeout = 12;
    doc.formChanged(`${TUNNEL}.dpd_timeout`, { visit: true });
    doc.flush();
    expect(doc.getState().text).toMatch(/dpd_timeout += 12/);
    doc.dispose();
  });

  it("the form's shape shows the default and an empty list; the plan counts an unset default as no change", () => {
    const shaped = withFormLists(ipsecDesign() as Design) as Loose;
    expect(tunnelOf(shaped).dpd_enabled).toBe(true);
    expect(shaped.instances[0].dns_servers).toEqual([]);
    const before = ipsecDesign();
    const same = ipsecDesign();
    tunnelOf(same).dpd_enabled = true;
    expect(diffDesigns(before, same)).toEqual([]);
    const changed = withNewValues();
    expect(diffDesigns(before, changed).map((c) => c.path)).toEqual(
      expect.arrayContaining([`${TUNNEL}.dpd_timeout`, `${TUNNEL}.dpd_enabled`, 'instances.0.dns_servers']),
    );
  });

  it('a draft keeps them (the draft is the file)', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    vi.stubGlobal('localStorage', storage);
    vi.stubGlobal('sessionStorage', { ...storage });
    const text = renderConnectorHcl(withNewValues(), { preSharedKeys: 'variable' });
    saveDocumentDraft(text, 'multi_segment', new Map());
    const draft = loadAnyDraft();
    expect(draft && 'text' in draft && draft.text).toBe(text);
    vi.unstubAllGlobals();
  });

  it('the form has a field for each, of its kind', () => {
    const design = withFormLists(withNewValues() as Design);
    const store = new DesignDocument({ getValues: () => design, show: () => undefined }, design, {
      omitDefaults: true,
      preSharedKeys: 'inline',
    });
    const html = renderToStaticMarkup(createElement(Harness, { design, store }));
    expect(html).toContain(`id="field-${TUNNEL}.dpd_timeout"`);
    expect(html).toContain(`id="field-${TUNNEL}.dpd_enabled" type="checkbox"`);
    expect(html).toContain('id="field-instances.0.dns_servers.1" type="text"');
    expect(html).toContain('value="10.0.0.3"');
    store.dispose();
  });

  it('the API mapping sends them under their API names and reads them back; the detail view shows them', () => {
    const api = designToAlkiraConnector(withNewValues() as Design) as Loose;
    const apiTunnel = api.instances[0].segmentOptions[0].customerGateways[0].tunnels[0];
    expect(apiTunnel).toMatchObject({ dpdTimeout: 30, dpdEnabled: false });
    expect(api.instances[0].dnsServers).toEqual(['10.0.0.2', '10.0.0.3']);
    const back = alkiraConnectorToDesign(api as never) as Loose;
    expect(tunnelOf(back)).toMatchObject({ dpd_timeout: 30, dpd_enabled: false });
    const tunnelBody =
      CONNECTOR_RESOURCE.blocks.instances.body.blocks.ipsec_customer_gateway.body.blocks.customer_gateway.body.blocks
        .tunnel.body;
    const table = settingsTable(tunnelBody, [apiTunnel]);
    expect(table.headers).toContain('DPD timeout');
    expect(at(table.rows, 0)[table.headers.indexOf('DPD timeout')]).toBe('30');
  });

  it("the emulator's request schema takes them; the importer suggests one for a misspelling; help and input kind follow", () => {
    const body = designToAlkiraConnector(withNewValues() as Design);
    expect(parseApiBody(apiRequestSchema(CONNECTOR_RESOURCE), CONNECTOR_RESOURCE, body).ok).toBe(true);
    const misspelt = renderConnectorHcl(ipsecDesign(), { preSharedKeys: 'inline' }).replace(
      'name              = "primary-tunnel"',
      'name              = "primary-tunnel"\n          dpd_timout        = 9',
    );
    expect(
      parseConnectorHcl(misspelt)
        .diagnostics.map((d) => d.message)
        .join('\n'),
    ).toMatch(/dpd_timout[\s\S]*dpd_timeout/);
    expect(helpForPath(`${TUNNEL}.dpd_timeout`)).toMatch(/dead-peer-detection/);
    expect(inputKindForPath(`${TUNNEL}.dpd_timeout`)).toBe('number');
    expect(inputKindForPath('instances.0.dns_servers')).toBe('list');
  });

  it('none of this holds without them: the attribute is unknown to the real description', async () => {
    const real = await vi.importActual<typeof import('@/lib/connector/resource/azure-expressroute')>(
      '@/lib/connector/resource/azure-expressroute',
    );
    expect(JSON.stringify(real.CONNECTOR_RESOURCE)).not.toContain('dpd_timeout');
    expect(attributeAt(`${TUNNEL}.dpd_timeout`)).toBeDefined();
  });
});
