/** One connector instance: its settings rows, and its IPsec gateways → tunnels (rows and columns from the resource description). */
import type { AlkiraInstance } from '@/lib/connector/alkira-types';
import { CONNECTOR_RESOURCE } from '@/lib/connector/resource';
import { Field, Fields, Value } from './settings-layout';
import { settingsRows, settingsTable } from './settings-rows';

const INSTANCE = CONNECTOR_RESOURCE.blocks.instances.body;
const TUNNEL = INSTANCE.blocks.ipsec_customer_gateway.body.blocks.customer_gateway.body.blocks.tunnel.body;

export function InstanceSettings({ instance, index }: { instance: AlkiraInstance; index: number }) {
  const gateways = instance.segmentOptions ?? [];
  // The name is the heading.
  const rows = settingsRows(INSTANCE, instance).filter((row) => row.key !== 'name');
  return (
    <article
      className="rounded border border-slate-200 dark:border-slate-700 p-3"
      aria-label={`Instance ${instance.name || index + 1}`}
    >
      <h3 className="mb-2 text-sm font-semibold">
        Instance {index + 1}: {instance.name}
        {instance.id !== undefined && (
          <span className="ml-2 font-normal text-slate-500 dark:text-slate-400">(id {instance.id})</span>
        )}
      </h3>
      <Fields>
        {rows.map((row) => (
          <Field key={row.key} label={row.label}>
            <Value value={row.text} mono={row.mono} />
          </Field>
        ))}
      </Fields>
      {gateways.length > 0 && (
        <div className="mt-3 space-y-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            {INSTANCE.blocks.ipsec_customer_gateway.label}
          </h4>
          {gateways.map((so, g) => (
            <div key={`${so.segmentName}-${g}`} className="rounded bg-slate-50 dark:bg-slate-800/60 p-2">
              <p className="text-sm">
                Segment <strong>{so.segmentName}</strong>
              </p>
              {(so.customerGateways ?? []).map((cg, c) => {
                const table = settingsTable(TUNNEL, cg.tunnels ?? []);
                return (
                  <div key={`${cg.name}-${c}`} className="mt-1 pl-3">
                    <p className="text-sm font-medium">Gateway {cg.name}</p>
                    {/* Wider than a phone: it scrolls on its own (by keyboard too) instead of widening the page. */}
                    <section
                      aria-label={`Tunnels of gateway ${cg.name}`}
                      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs focus to be scrolled by keyboard
                      tabIndex={0}
                      className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-600"
                    >
                      <table className="mt-1 w-full text-xs">
                        <thead className="text-left text-slate-500 dark:text-slate-400">
                          <tr>
                            {table.headers.map((header) => (
                              <th key={header} scope="col" className="pr-3 font-medium">
                                {header}
                              </th>
                            ))}
                          </tr>
                        </thead>
                        <tbody>
                          {table.rows.map((cells, i) => (
                            <tr key={`${cells[0]}-${i}`}>
                              {cells.map((cell, k) => (
                                <td key={table.headers[k]} className="pr-3">
                                  {cell || '—'}
                                </td>
                              ))}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </section>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </article>
  );
}
