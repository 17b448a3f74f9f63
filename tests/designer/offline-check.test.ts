/** The offline check (lib/connector/check.ts): what the designer shows and POST /api/designs/validate answers. */
import { describe, expect, it } from 'vitest';
import { checkDesignOffline } from '@/lib/connector/check';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import type { ConnectorDesign } from '@/lib/connector/design';
import { segmentOptionOf } from '../helpers/design-parts';

const template = (id: string): ConnectorDesign => structuredClone(DESIGN_TEMPLATES.find((t) => t.id === id)!.design);

describe('the offline check the API shares with the designer', () => {
  it('warns at a literal that reads like a reference', () => {
    const d = template('basic-vxlan-gpe');
    segmentOptionOf(d).segment_id = 'alkira_segment.prod.id';
    const check = checkDesignOffline(d);
    expect(check.warnings).toContainEqual({
      path: 'segment_options.0.segment_id',
      message: expect.stringContaining('looks like a Terraform reference'),
      ruleId: 'reference-like-literal',
    });
  });
});
