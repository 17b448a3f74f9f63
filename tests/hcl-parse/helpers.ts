/** Shared helpers of the HCL import tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConnectorHcl, type HclDiagnostic } from '@/lib/connector/hcl/parse';
import { at } from '../helpers/present';

/** One of the provider docs' four examples, copied verbatim into fixtures/. */
export function example(n: 1 | 2 | 3 | 4): string {
  return readFileSync(path.join(__dirname, 'fixtures', `example-${n}.tf`), 'utf8');
}

export const errorsOf = (diagnostics: HclDiagnostic[]) => diagnostics.filter((d) => d.severity === 'error');

/** 1-based line and column of the first occurrence of `needle` (optionally after `after`). */
export function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: at(before, -1).length + 1 };
}

/** A design read as a plain record (tests index it by name). */
function loose(design: Record<string, unknown>): Record<string, unknown> {
  return design;
}

/** Parses and returns the single design, failing if there is not exactly one. */
export function parseOne(text: string) {
  const result = parseConnectorHcl(text);
  if (result.designs.length !== 1) throw new Error(`expected one design, got ${result.designs.length}`);
  return { ...result, design: loose(at(result.designs, 0).design) };
}

/** A minimal valid connector body to embed attributes into. */
export function connector(label: string, extra = '', segmentExtra = ''): string {
  return `resource "alkira_connector_azure_expressroute" "${label}" {
  name        = "c-${label}"
  size        = "SMALL"
  vhub_prefix = "10.1.0.0/23"
  cxp         = "USWEST-AZURE-1"
${extra}
  instances {
    name                    = "i1"
    expressroute_circuit_id = "/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/c1"
    loopback_subnet         = "192.168.1.0/26"
    credential_id           = alkira_credential_azure_vnet.prod.id
  }

  segment_options {
    segment_id   = alkira_segment.prod.id
    customer_asn = 65001
${segmentExtra}
  }
}
`;
}
