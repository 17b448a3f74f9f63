'use client';
/** A live connector's settings: basics, instances, segment options. */
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import { useCatalog } from '@/lib/client/hooks';
import { InstanceSettings } from './InstanceSettings';
import { Card, Field, Fields, Value, yesNo } from './settings-layout';

export function ConnectorSettings({ settings }: { settings: AlkiraConnector }) {
  const billingTags = useCatalog('billing-tags');
  const tagName = (id: number) => billingTags.data?.find((t) => t.id === id)?.name;

  return (
    <div className="space-y-4">
      <Card title="Basics" id="settings-basics">
        <Fields>
          <Field label="Name">{settings.name}</Field>
          <Field label="Description">
            <Value value={settings.description} />
          </Field>
          <Field label="Size">{settings.size}</Field>
          <Field label="Enabled">{yesNo(settings.enabled)}</Field>
          <Field label="CXP">
            <Value value={settings.cxp} mono />
          </Field>
          <Field label="vHub prefix">
            <Value value={settings.vhubPrefix} mono />
          </Field>
          <Field label="Tunnel protocol">{settings.tunnelProtocol}</Field>
          <Field label="Group">
            <Value value={settings.group} />
          </Field>
          <Field label="Billing tags">
            <Value
              value={(settings.billingTags ?? [])
                .map((id) => (tagName(id) ? `${tagName(id)} (${id})` : String(id)))
                .join(', ')}
            />
          </Field>
          {settings.implicitGroupId !== undefined && <Field label="Implicit group id">{settings.implicitGroupId}</Field>}
        </Fields>
      </Card>

      <Card title={`Instances (${settings.instances?.length ?? 0})`} id="settings-instances">
        <div className="space-y-3">
          {(settings.instances ?? []).map((instance, i) => (
            <InstanceSettings key={instance.id ?? i} instance={instance} index={i} />
          ))}
        </div>
      </Card>

      <Card title={`Segment options (${settings.segmentOptions?.length ?? 0})`} id="settings-segments">
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">Segment</th>
              <th scope="col" className="py-1 pr-3 font-medium">Customer ASN</th>
              <th scope="col" className="py-1 pr-3 font-medium">Internet exit disabled</th>
              <th scope="col" className="py-1 font-medium">Advertise on-prem routes</th>
            </tr>
          </thead>
          <tbody>
            {(settings.segmentOptions ?? []).map((so, i) => (
              <tr key={`${so.segmentName}-${i}`} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1 pr-3">{so.segmentName}</td>
                <td className="py-1 pr-3 tabular-nums">{so.customerAsn}</td>
                <td className="py-1 pr-3">{yesNo(so.disableInternetExit)}</td>
                <td className="py-1">{yesNo(so.advertiseOnPremRoutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
