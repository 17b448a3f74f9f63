/**
 * A workspace design and the .tf file the designer would store with it: keys
 * as sensitive variables (pre-shared keys by the renderer, remote auth values
 * as references in the design), with comments, a non-ASCII line and a block
 * the design does not hold, so a round trip must keep more than the design.
 */
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { ipsecDesign, parsedDesign } from './designs';

export interface DesignWithFile {
  /** The request body's `design`. */
  design: Record<string, unknown>;
  /** Its file text (LF line ends). */
  hcl: string;
  label: string;
}

export function designWithFile(name: string): DesignWithFile {
  const design = ipsecDesign(name);
  const label = String(design.resource_name);
  let n = 0;
  for (const instance of design.instances as {
    ipsec_customer_gateway: { customer_gateway: { tunnel: Record<string, unknown>[] }[] }[];
  }[]) {
    for (const gateway of instance.ipsec_customer_gateway) {
      for (const customer of gateway.customer_gateway)
        for (const tunnel of customer.tunnel) tunnel.remote_auth_value = `\${var.${label}_auth_${++n}}`;
    }
  }
  const authVariables = Array.from(
    { length: n },
    (_, i) => `variable "${label}_auth_${i + 1}" {\n  type      = string\n  sensitive = true\n}\n`,
  ).join('\n');
  const rendered = renderConnectorHcl(parsedDesign(design));
  const hcl = [
    '# Site connector — owned by the network team (Zürich, 東京)',
    '# Keys come from the pipeline: TF_VAR_* variables, never this file.',
    '',
    authVariables,
    rendered.replace('  size            = "2LARGE"\n', '  size            = "2LARGE" # sized for the DMZ peak\n'),
    '/* Not part of the design: kept as written. */',
    'resource "alkira_group" "security" {',
    '  name = "security"',
    '}',
    '',
  ].join('\n');
  return { design, hcl, label };
}
