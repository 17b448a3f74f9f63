'use client';
import { AttributeField, BodyFields } from './attribute-field';
import { TextField } from './form-fields';
import { SectionCard } from './section-card';

export function BasicsSection() {
  return (
    <SectionCard id="section-basics" title="Connector basics">
      <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2 xl:grid-cols-3">
        {/* The HCL label is the design's, not an attribute of the resource. */}
        <TextField path="resource_name" label="Resource label" required mono />
        <BodyFields base="" />
      </div>
    </SectionCard>
  );
}

export function BillingTagsSection() {
  return (
    <SectionCard id="section-billing" title="Billing tags">
      <AttributeField path="billing_tag_ids" />
    </SectionCard>
  );
}
