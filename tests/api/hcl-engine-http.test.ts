/**
 * The HCL engine's cases over real HTTP against the production server:
 * `POST /api/hcl/parse` reads what Terraform reads (a function call inside an
 * object, non-ASCII names, dynamic blocks, expression lists) and reports what
 * it rejects; `POST /api/designs/hcl` with `source` edits one-line blocks and
 * heredoc runs into files `terraform fmt` leaves as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { terraformFmt } from '../hcl/terraform-fmt';
import { at } from '../helpers/present';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const HEAD = 'resource "alkira_connector_azure_expressroute" "c"';

interface Diagnostic {
  severity: string;
  message: string;
  line: number;
}

async function parse(
  text: string,
): Promise<{ designs: { design: Record<string, unknown> }[]; diagnostics: Diagnostic[] }> {
  const res = await fetch(`${server.url}/api/hcl/parse`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: text,
  });
  expect(res.status).toBe(200);
  return res.json();
}

async function edit(source: string, design: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${server.url}/api/designs/hcl`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ design, source }),
  });
  expect(res.status).toBe(200);
  return res.text();
}

const syntaxErrors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.message.startsWith('Syntax error'));

describe('POST /api/hcl/parse', () => {
  it('reads valid Terraform the old importer refused: calls in objects, non-ASCII names, NFC strings', async () => {
    const text = `locals {\n  a = { x = f(1)\n    y = 2 }\n  b = { x = lookup(m, k, null) }\n  föo = "cafe\\u0301"\n  𝒜 = 1\n}\n\nvariable "v" {\n  type = object({ a = optional(string)\n  b = number })\n}\n`;
    expect(syntaxErrors((await parse(text)).diagnostics)).toEqual([]);
  });

  it('keeps dynamic blocks and expression lists, and reports a timeouts block', async () => {
    const text = `${HEAD} {\n  name            = "c"\n  billing_tag_ids = var.ids\n  instances {}\n\n  dynamic "segment_options" {\n    for_each = var.segments\n    content {\n      segment_id   = segment_options.value.id\n      customer_asn = segment_options.value.asn\n    }\n  }\n\n  timeouts {\n    create = "30m"\n  }\n}\n`;
    const { designs, diagnostics } = await parse(text);
    expect(at(designs, 0).design.billing_tag_ids).toBe('${var.ids}');
    expect(at(designs, 0).design.dynamic).toEqual({
      segment_options: [expect.stringContaining('for_each = var.segments')],
    });
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(errors.filter((m) => /dynamic|written-out list|at least one segment_options/.test(m))).toEqual([]);
    expect(errors).toContainEqual(expect.stringMatching(/^Unknown block timeouts/));
  });

  it('reports the stray space once and reads the 160 attributes after it', async () => {
    const rest = Array.from({ length: 160 }, (_, i) => `  a${i} = "v${i}"\n`).join('');
    const { diagnostics } = await parse(`${HEAD} {\n  tunnel_pr tocol = "IPSEC"\n${rest}}\n`);
    expect(syntaxErrors(diagnostics)).toEqual([expect.objectContaining({ line: 2 })]);
    // Every later line was read: each unknown attribute is named.
    expect(diagnostics.filter((d) => d.message.startsWith('Unknown attribute a'))).toHaveLength(160);
  });
});

/** A valid connector design (the API renders only valid designs). */
const DESIGN = {
  resource_name: 'c',
  name: 'c',
  size: 'SMALL',
  vhub_prefix: '10.1.0.0/23',
  cxp: 'USWEST-AZURE-1',
  instances: [
    {
      name: 'primary',
      expressroute_circuit_id:
        '/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/c1',
      loopback_subnet: '192.168.1.0/26',
      credential_id: 'cred',
    },
  ],
  segment_options: [{ segment_id: 'seg', customer_asn: 65001 }],
};

describe('POST /api/designs/hcl with a source', () => {
  it('fills an empty one-line resource inside its braces', async () => {
    const out = await edit(`${HEAD} {}\n`, DESIGN);
    expect(terraformFmt(out)).toBe(out);
    expect(out.startsWith(`${HEAD} {\n  name        = "c"\n`)).toBe(true);
    expect(out).toMatch(/\n {2}instances \{\n {4}name {20}= "primary"\n/);
  });

  it('fills a one-line instances stub and adds customer_asn inside a one-line segment_options', async () => {
    const stub = `${HEAD} {\n  name        = "c"\n  size        = "SMALL"\n  vhub_prefix = "10.1.0.0/23"\n  cxp         = "USWEST-AZURE-1"\n  instances {}\n  segment_options { segment_id = "seg" }\n}\n`;
    const out = await edit(stub, DESIGN);
    expect(terraformFmt(out)).toBe(out);
    expect(out).toMatch(/ {2}instances \{\n {4}name {20}= "primary"\n/);
    expect(out).toMatch(/ {2}segment_options \{\n {4}segment_id {3}= "seg"\n {4}customer_asn = 65001\n {2}\}/);
  });

  it('aligns a new argument with a heredoc argument as terraform fmt does', async () => {
    const source = `${HEAD} {\n  description = <<-EOT\n    multi\n  EOT\n  size        = "SMALL"\n}\n`;
    const out = await edit(source, { ...DESIGN, description: 'multi\n' });
    expect(out).toContain('  name        = "c"\n  description = <<-EOT\n');
    expect(terraformFmt(out)).toBe(out);
  });
});
