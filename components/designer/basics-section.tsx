'use client';
import { CONNECTOR_SIZES, TUNNEL_PROTOCOLS } from '@/lib/connector/design';
import { CatalogField, CatalogListField } from './catalog-field';
import { CheckboxField, SelectField, TextField } from './form-fields';
import { SectionCard } from './section-card';

export function BasicsSection() {
  return (
    <SectionCard id="section-basics" title="Connector basics">
      <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2 xl:grid-cols-3">
        <TextField path="resource_name" label="Resource label" required mono />
        <TextField path="name" label="Name" required />
        <SelectField path="size" label="Size" options={CONNECTOR_SIZES} required />
        <TextField path="description" label="Description" className="sm:col-span-2 xl:col-span-3" />
        <TextField path="vhub_prefix" label="VHUB prefix" required mono placeholder="10.130.0.0/23" />
        <CatalogField path="cxp" label="CXP" kind="cxps" required expressionPlaceholder="${var.cxp}" />
        <SelectField path="tunnel_protocol" label="Tunnel protocol" options={TUNNEL_PROTOCOLS} />
        <CatalogField path="group" label="Group" kind="groups" expressionPlaceholder="${alkira_group.networking.name}" />
        <CheckboxField path="enabled" label="Enabled" />
      </div>
    </SectionCard>
  );
}

export function BillingTagsSection() {
  return (
    <SectionCard id="section-billing" title="Billing tags">
      <CatalogListField
        path="billing_tag_ids"
        label="Billing tags"
        itemLabel="Billing tag"
        addLabel="Add billing tag"
        kind="billing-tags"
        expressionPlaceholder="${alkira_billing_tag.production.id}"
      />
    </SectionCard>
  );
}
