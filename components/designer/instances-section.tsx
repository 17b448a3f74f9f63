'use client';
import { useImperativeHandle, useState, type Ref } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useBlockList } from './block-list';
import {
  effectiveTunnelProtocol,
  emptyInstance,
  type ConnectorDesign,
  type InstanceDesign,
} from '@/lib/connector/design';
import { BodyFields } from './attribute-field';
import { FieldErrorList, fieldId } from './form-fields';
import { useErrorCountUnder, useLabelledStep } from './design-document-context';
import { IpsecGateways } from './ipsec-gateways';
import { SectionCard } from './section-card';
import { DynamicBlocks } from './expression-parts';

/** A loaded design with more tunnels than this starts with its instances collapsed. */
const COLLAPSE_ABOVE_TUNNELS = 64;

function tunnelCount(design: ConnectorDesign): number {
  let n = 0;
  for (const inst of design.instances ?? [])
    for (const g of inst?.ipsec_customer_gateway ?? [])
      for (const c of g?.customer_gateway ?? []) n += c?.tunnel?.length ?? 0;
  return n;
}

export interface InstancesHandle {
  /** Expands instance `index` (the error summary calls it before focusing a field inside). */
  expand(index: number): void;
}

/** One-line description of a collapsed instance, e.g. `primary · 192.168.20.0/26 · 2 gateways`. */
export function instanceSummary(instance: InstanceDesign | undefined, protocol: string): string {
  if (!instance) return '';
  const parts = [instance.name || 'unnamed', instance.loopback_subnet || 'no loopback'];
  if (protocol === 'IPSEC') {
    const segs = instance.ipsec_customer_gateway ?? [];
    const gws = segs.reduce((n, s) => n + (s?.customer_gateway?.length ?? 0), 0);
    parts.push(`${segs.length} segment${segs.length === 1 ? '' : 's'}`, `${gws} gateway${gws === 1 ? '' : 's'}`);
  } else if (protocol === 'VXLAN') {
    const macs = instance.gateway_mac_address?.length ?? 0;
    parts.push(`${macs} gateway MAC${macs === 1 ? '' : 's'}`);
  }
  if (instance.redundant_router) parts.push('redundant');
  return parts.join(' · ');
}

function InstanceCard(props: {
  index: number;
  collapsed: boolean;
  onToggle: () => void;
  onRemove: () => void;
  onDuplicate: () => void;
}) {
  const { index, collapsed, onToggle, onRemove, onDuplicate } = props;
  const base = `instances.${index}` as const;
  const instance = useWatch<ConnectorDesign, typeof base>({ name: base });
  const protocol = effectiveTunnelProtocol({
    tunnel_protocol: useWatch<ConnectorDesign, 'tunnel_protocol'>({ name: 'tunnel_protocol' }),
  });
  const errorCount = useErrorCountUnder(base);
  const { setValue } = useFormContext<ConnectorDesign>();
  const labelled = useLabelledStep();
  const bodyId = `instance-body-${index}`;

  // Values of the other protocol are kept (switching back restores them) but are hidden; say so.
  const hiddenIpsec = protocol !== 'IPSEC' && (instance?.ipsec_customer_gateway?.length ?? 0) > 0;
  const hiddenVxlan =
    protocol !== 'VXLAN' &&
    ((instance?.gateway_mac_address?.length ?? 0) > 0 || (instance?.virtual_network_interface?.length ?? 0) > 0);

  return (
    <div
      className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900"
      data-instance={index}
    >
      <div className="flex items-center gap-2 border-b border-slate-100 dark:border-slate-800 px-3 py-2">
        <button
          type="button"
          id={fieldId(base)}
          onClick={onToggle}
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          className="flex min-w-0 flex-1 items-center gap-2 rounded text-left focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          <span
            aria-hidden="true"
            className={`text-slate-500 dark:text-slate-400 transition-transform ${collapsed ? '' : 'rotate-90'}`}
          >
            ▸
          </span>
          <span className="shrink-0 whitespace-nowrap text-sm font-semibold text-slate-800 dark:text-slate-200">
            Instance {index + 1}
          </span>
          <span
            className="truncate font-mono text-xs text-slate-600 dark:text-slate-400"
            title={instanceSummary(instance, protocol)}
            data-testid={`instance-summary-${index}`}
          >
            {instanceSummary(instance, protocol)}
          </span>
          {errorCount > 0 && (
            <span className="ml-auto shrink-0 rounded-full bg-red-50 dark:bg-red-950/60 px-2 text-xs font-medium text-red-700 dark:text-red-300">
              {errorCount} error{errorCount === 1 ? '' : 's'}
            </span>
          )}
        </button>
        <button type="button" className="btn-secondary text-xs" onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" className="btn-secondary text-xs text-red-700 dark:text-red-300" onClick={onRemove}>
          Remove
        </button>
      </div>
      <div id={bodyId} hidden={collapsed} className="space-y-3 p-3">
        {/* A collapsed body is not rendered: with hundreds of tunnels its fields would cost every keystroke. */}
        {!collapsed && (
          <>
            <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2">
              <BodyFields base={base} />
            </div>
            {protocol === 'VXLAN' && (
              <div className="grid grid-cols-1 gap-3 rounded-md border border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800/50 p-2 sm:grid-cols-2">
                <BodyFields base={base} protocol="VXLAN" />
              </div>
            )}
            {protocol === 'IPSEC' && <IpsecGateways instanceIndex={index} />}
            {(hiddenIpsec || hiddenVxlan) && (
              <p className="rounded-md bg-amber-50 dark:bg-amber-950/60 px-2 py-1 text-xs text-amber-800 dark:text-amber-200">
                This instance still holds {hiddenIpsec ? 'IPsec gateway' : 'VXLAN gateway'} settings that {protocol}{' '}
                does not use.{' '}
                <button
                  type="button"
                  className="font-medium underline"
                  onClick={() => {
                    labelled(
                      `Unused ${hiddenIpsec ? 'IPsec' : 'VXLAN'} settings of instance ${index + 1} discarded`,
                      () => {},
                    );
                    if (hiddenIpsec)
                      setValue(`${base}.ipsec_customer_gateway`, [], { shouldDirty: true, shouldValidate: true });
                    if (hiddenVxlan) {
                      setValue(`${base}.gateway_mac_address`, [], { shouldDirty: true, shouldValidate: true });
                      setValue(`${base}.virtual_network_interface`, [], { shouldDirty: true, shouldValidate: true });
                    }
                  }}
                >
                  Clear them
                </button>
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}

export function InstancesSection({ ref }: { ref?: Ref<InstancesHandle> }) {
  const { getValues } = useFormContext<ConnectorDesign>();
  const { fields, append, remove, insert } = useBlockList('instances');
  // Keyed by useFieldArray's stable row id so collapse state follows a row when others are removed.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const labelled = useLabelledStep();
  // A large design loaded at once (a draft, a template, a live connector) starts collapsed: its
  // summaries are readable, and the thousands of fields of its tunnels are rendered only when opened.
  // Decided while rendering the new rows, so their fields are never mounted only to be hidden again.
  const [shownFields, setShownFields] = useState(fields);
  if (fields !== shownFields) {
    setShownFields(fields);
    const known = new Set(shownFields.map((f) => f.id));
    const loaded = fields.length > 1 && fields.every((f) => !known.has(f.id));
    if (loaded && tunnelCount(getValues()) > COLLAPSE_ABOVE_TUNNELS) setCollapsed(new Set(fields.map((f) => f.id)));
  }
  // By the rows that exist: `collapsed` may still hold ids of removed rows.
  const allCollapsed = fields.length > 0 && fields.every((f) => collapsed.has(f.id));

  useImperativeHandle(
    ref,
    () => ({
      expand(index: number) {
        const id = fields[index]?.id;
        if (!id) return;
        setCollapsed((prev) => {
          if (!prev.has(id)) return prev;
          const next = new Set(prev);
          next.delete(id);
          return next;
        });
      },
    }),
    [fields],
  );

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <SectionCard
      id="section-instances"
      title="Instances"
      subtitle="One per ExpressRoute circuit; at least one is required."
      actions={
        <>
          {fields.length > 1 && (
            <button
              type="button"
              className="btn-link text-xs"
              onClick={() => setCollapsed(allCollapsed ? new Set() : new Set(fields.map((f) => f.id)))}
            >
              {allCollapsed ? 'Expand all' : 'Collapse all'}
            </button>
          )}
          <button
            type="button"
            id={fieldId('instances')}
            className="btn-secondary text-xs"
            onClick={() => append(emptyInstance())}
          >
            + Add instance
          </button>
        </>
      }
    >
      <FieldErrorList path="instances" />
      <DynamicBlocks base="" block="instances" />
      <div className="space-y-3">
        {fields.map((f, i) => (
          <InstanceCard
            key={f.id}
            index={i}
            collapsed={collapsed.has(f.id)}
            onToggle={() => toggle(f.id)}
            onRemove={() => labelled(`Instance ${i + 1} removed`, () => remove(i))}
            onDuplicate={() => {
              const copy = structuredClone(getValues(`instances.${i}`));
              copy.name = copy.name ? `${copy.name}-copy` : '';
              labelled(`Instance ${i + 1} duplicated`, () => insert(i + 1, copy));
            }}
          />
        ))}
      </div>
    </SectionCard>
  );
}
