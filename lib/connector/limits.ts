/**
 * How large and how deep any input describing a connector may be, whatever
 * route it arrives on (JSON designs, Alkira API bodies, HCL files). Derived
 * from the resource's shape: a design nests ~12 levels (design → instances →
 * ipsec_customer_gateway → customer_gateway → tunnel → value, plus wrappers),
 * its longest lists hold tens of entries, and no attribute (names,
 * descriptions, circuit ids, keys) needs more than a few hundred characters.
 * The maxima leave generous room above that; input beyond them is refused
 * before any expensive work.
 */
export const INPUT_LIMITS = {
  /** Bytes of a request body (JSON or an uploaded .tf file). */
  bodyBytes: 1024 * 1024,
  /** Levels of `{`/`[` nesting in JSON. */
  jsonDepth: 32,
  /** Levels of `{`/`[`/`(` nesting in HCL. */
  hclDepth: 64,
  /** Elements in any one array. */
  arrayLength: 1000,
  /** Characters in any one string (a JSON value or key, an HCL string literal). */
  stringLength: 10_000,
  /** Keys in any one JSON object. */
  objectKeys: 200,
} as const;
