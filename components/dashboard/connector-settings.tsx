'use client';
/** A live connector's settings: basics, instances, segment options. */
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import { useCatalog } from '@/lib/client/hooks';
import { InstanceSettings } from './instance-settings';
import { CONNECTOR_RESOURCE } from '@/lib/connector/resource';
import { Card, Field, Fields, Value } from './settings-layout';
import { settingsRows, settingsTable, type ReferenceNames } from './settings-rows';

export function ConnectorSettings({ settings }: { settings: AlkiraConnector }) {
  const billingTags = useCatalog('billing-tags');
  const names: ReferenceNames = { billing_tag: (id) => billingTags.data?.find((t) => t.id === id)?.name };
  const segmentTable = settingsTable(CONNECTOR_RESOURCE.blocks.segment_options.body, settings.segmentOptions ?? []);

  return (
    <div className="space-y-4">
      <Card title="Basics" id="settings-basics">
        <Fields>
          {settingsRows(CONNECTOR_RESOURCE, settings, names).map((row) => (
            <Field key={row.key} label={row.label}>
              <Value value={row.text} mono={row.mono} />
            </Field>
          ))}
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
              {segmentTable.headers.map((header) => (
                <th key={header} scope="col" className="py-1 pr-3 font-medium">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {segmentTable.rows.map((cells, i) => (
              <tr key={`${cells[0]}-${i}`} className="border-t border-slate-100 dark:border-slate-800">
                {cells.map((cell, c) => (
                  <td key={segmentTable.headers[c]} className="py-1 pr-3 tabular-nums">
                    {cell || '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
