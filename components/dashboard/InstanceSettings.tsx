/** One connector instance: circuit, loopback, MACs, VNIs, and its IPsec gateways → tunnels. */
import type { AlkiraInstance } from '@/lib/connector/alkira-types';
import { Field, Fields, Value, yesNo } from './settings-layout';

export function InstanceSettings({ instance, index }: { instance: AlkiraInstance; index: number }) {
  const gateways = instance.segmentOptions ?? [];
  return (
    <article className="rounded border border-slate-200 dark:border-slate-700 p-3" aria-label={`Instance ${instance.name || index + 1}`}>
      <h3 className="mb-2 text-sm font-semibold">
        Instance {index + 1}: {instance.name}
        {instance.id !== undefined && <span className="ml-2 font-normal text-slate-500 dark:text-slate-400">(id {instance.id})</span>}
      </h3>
      <Fields>
        <Field label="ExpressRoute circuit">
          <Value value={instance.expressRouteCircuitId} mono />
        </Field>
        <Field label="Loopback subnet">
          <Value value={instance.loopbackSubnet} mono />
        </Field>
        <Field label="Redundant router">{yesNo(instance.redundantRouter)}</Field>
        <Field label="Credential">
          <Value value={instance.credentialId} mono />
        </Field>
        {(instance.gatewayMacAddresses?.length ?? 0) > 0 && (
          <Field label="Gateway MACs">
            <Value value={instance.gatewayMacAddresses?.join(', ')} mono />
          </Field>
        )}
        {(instance.vnis?.length ?? 0) > 0 && (
          <Field label="VNIs">
            <Value value={instance.vnis?.join(', ')} mono />
          </Field>
        )}
      </Fields>
      {gateways.length > 0 && (
        <div className="mt-3 space-y-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">IPsec customer gateways</h4>
          {gateways.map((so, g) => (
            <div key={`${so.segmentName}-${g}`} className="rounded bg-slate-50 dark:bg-slate-800/60 p-2">
              <p className="text-sm">
                Segment <strong>{so.segmentName}</strong>
              </p>
              {(so.customerGateways ?? []).map((cg, c) => (
                <div key={`${cg.name}-${c}`} className="mt-1 pl-3">
                  <p className="text-sm font-medium">Gateway {cg.name}</p>
                  <table className="mt-1 w-full text-xs">
                    <thead className="text-left text-slate-500 dark:text-slate-400">
                      <tr>
                        <th scope="col" className="pr-3 font-medium">Tunnel</th>
                        <th scope="col" className="pr-3 font-medium">Initiator</th>
                        <th scope="col" className="pr-3 font-medium">IKE</th>
                        <th scope="col" className="pr-3 font-medium">Profile</th>
                        <th scope="col" className="pr-3 font-medium">Pre-shared key</th>
                        <th scope="col" className="font-medium">Remote auth</th>
                      </tr>
                    </thead>
                    <tbody>
                      {(cg.tunnels ?? []).map((t, i) => (
                        <tr key={`${t.name}-${i}`}>
                          <td className="pr-3">{t.name}</td>
                          <td className="pr-3">{yesNo(t.initiator)}</td>
                          <td className="pr-3">{t.ikeVersion ?? '—'}</td>
                          <td className="pr-3">{t.profileId ?? '—'}</td>
                          {/* The API masks keys before they reach the browser; shown as received. */}
                          <td className="pr-3 font-mono">{t.preSharedKey ?? '—'}</td>
                          <td>
                            {t.remoteAuthType ? `${t.remoteAuthType}: ` : ''}
                            {t.remoteAuthValue ?? ''}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </article>
  );
}
