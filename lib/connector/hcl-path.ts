/**
 * A design path as people who write HCL read it: list positions in brackets,
 * `segment_options.0.customer_asn` → `segment_options[0].customer_asn` (the
 * form Terraform's plan and console use). Paths stay dot-separated segment
 * lists inside the app; this is only for text a user reads.
 */
export function hclPath(path: string): string {
  return path
    .split('.')
    .reduce(
      (out, part) => (/^\d+$/.test(part) && out !== '' ? `${out}[${part}]` : out === '' ? part : `${out}.${part}`),
      '',
    );
}
