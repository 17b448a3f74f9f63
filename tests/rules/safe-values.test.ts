/**
 * Values no field may hold (lib/connector/rules/safe-values.ts), as the
 * designer's form sees them through the same schema the API uses: text with
 * NUL or bidirectional controls, whole numbers beyond 2^53 − 1 — as numbers
 * and as the numeric text a form or .tf file carries.
 */
import { describe, expect, it } from 'vitest';
import { connectorDesignSchema } from '@/lib/connector/schema';
import { errorsAt, ipsecDesign, mutable, vxlanGpeDesign } from './fixtures';

const TUNNEL = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';

describe('text', () => {
  it.each([
    ['\u202E', /U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/],
    ['\u202A', /U\+202A/],
    ['\u2066', /U\+2066/],
    ['\u2069', /U\+2069/],
    ['\u0000', /NUL character \(U\+0000\), which many tools read as the end of the text/],
  ])('%j in a name is an error at the name', (char, message) => {
    const design = mutable(vxlanGpeDesign());
    design.name = `prod${char}-er`;
    expect(errorsAt(design, 'name')).toEqual([expect.stringMatching(message)]);
  });

  it('in a description, an instance name and a pre-shared key too; other unicode is fine', () => {
    const design = mutable(ipsecDesign());
    design.description = 'ok\u2067x';
    design.instances[0].name = 'a\u202Db';
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = 'k\u0000';
    expect(errorsAt(design, 'description')).toHaveLength(1);
    expect(errorsAt(design, 'instances.0.name').some((m) => m.includes('U+202D'))).toBe(true);
    expect(errorsAt(design, `${TUNNEL}.pre_shared_key`)).toHaveLength(1);
    const fine = mutable(vxlanGpeDesign());
    fine.description = 'Zürich — 東京 ✓ \u200F';
    expect(errorsAt(fine, 'description')).toEqual([]);
  });
});

describe('numbers', () => {
  it('beyond 2^53 − 1, as a number or as numeric text, is an error at the field; 2^53 − 1 itself is not refused for that', () => {
    // JSON.parse: the number as a request body's JSON arrives (rounded to 2^53).
    for (const value of [
      JSON.parse('9007199254740993'),
      2 ** 53,
      -(2 ** 53),
      '9007199254740993',
      ' 18446744073709551616 ',
    ]) {
      const design = mutable(ipsecDesign());
      design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].profile_id = value;
      expect(errorsAt(design, `${TUNNEL}.profile_id`), String(value)).toContainEqual(
        expect.stringMatching(/^profile_id is beyond 9007199254740991 \(2\^53 − 1\)/),
      );
    }
    const largest = mutable(ipsecDesign());
    largest.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].profile_id = Number.MAX_SAFE_INTEGER;
    expect(errorsAt(largest, `${TUNNEL}.profile_id`).filter((m) => m.includes('2^53'))).toEqual([]);
  });

  it('the designer form schema reports it at the same path', () => {
    const design = mutable(vxlanGpeDesign());
    design.billing_tag_ids = [JSON.parse('9007199254740993')];
    const result = connectorDesignSchema.safeParse(design);
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual([
      'billing_tag_ids.0',
      expect.stringMatching(/^billing_tag_ids is beyond 9007199254740991/),
    ]);
  });
});
