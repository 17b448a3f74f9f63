'use client';
import { useBlockList } from './block-list';
import { emptyCustomerGateway, emptyIpsecCustomerGateway, emptyTunnel } from '@/lib/connector/design';
import { AttributeField, BodyFields } from './attribute-field';
import { fieldId } from './form-fields';
import { useFieldIssues, useLabelledStep } from './design-document-context';
import { DynamicBlocks, useDynamicSources } from './expression-parts';

function ListHeading({
  path,
  title,
  addLabel,
  onAdd,
}: {
  path: string;
  title: string;
  addLabel: string;
  onAdd: () => void;
}) {
  const { errors } = useFieldIssues(path);
  return (
    <div>
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{title}</h4>
        <button type="button" id={fieldId(path)} className="btn-link text-xs" onClick={onAdd}>
          + {addLabel}
        </button>
      </div>
      {errors.map((message) => (
        <p key={message} role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          {message}
        </p>
      ))}
    </div>
  );
}

function Tunnels({
  base,
}: {
  base: `instances.${number}.ipsec_customer_gateway.${number}.customer_gateway.${number}`;
}) {
  const removeLabelled = useLabelledStep();
  const { fields, append, remove } = useBlockList(`${base}.tunnel` as const);
  return (
    <div className="space-y-2">
      <ListHeading path={`${base}.tunnel`} title="Tunnels" addLabel="Add tunnel" onAdd={() => append(emptyTunnel())} />
      <DynamicBlocks base={base} block="tunnel" />
      {fields.map((f, t) => {
        const p = `${base}.tunnel.${t}` as const;
        return (
          <div
            key={f.id}
            className="rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-2"
          >
            <div className="mb-1 flex items-center justify-between">
              <span className="text-xs font-medium text-slate-600 dark:text-slate-400">Tunnel {t + 1}</span>
              <button
                type="button"
                className="btn-link-danger text-xs"
                onClick={() => removeLabelled(`Tunnel ${t + 1} removed`, () => remove(t))}
              >
                Remove tunnel
              </button>
            </div>
            <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2 xl:grid-cols-3">
              <BodyFields base={p} />
            </div>
          </div>
        );
      })}
    </div>
  );
}

function CustomerGateways({ base }: { base: `instances.${number}.ipsec_customer_gateway.${number}` }) {
  const removeLabelled = useLabelledStep();
  const { fields, append, remove } = useBlockList(`${base}.customer_gateway` as const);
  return (
    <div className="space-y-2">
      <ListHeading
        path={`${base}.customer_gateway`}
        title="Customer gateways"
        addLabel="Add customer gateway"
        onAdd={() => append(emptyCustomerGateway())}
      />
      <DynamicBlocks base={base} block="customer_gateway" />
      {fields.map((f, c) => {
        const p = `${base}.customer_gateway.${c}` as const;
        return (
          <div
            key={f.id}
            // Off screen, a gateway's fields are neither laid out nor painted: a large design's form stays cheap.
            className="space-y-2 rounded-md border border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800/50 p-2 [content-visibility:auto] [contain-intrinsic-size:auto_420px]"
          >
            <div className="flex items-end gap-2">
              <AttributeField path={`${p}.name`} label={`Customer gateway ${c + 1} name`} className="flex-1" />
              <button
                type="button"
                className="btn-link-danger mb-5 text-xs"
                onClick={() => removeLabelled(`Customer gateway ${c + 1} removed`, () => remove(c))}
              >
                Remove gateway
              </button>
            </div>
            <Tunnels base={p} />
          </div>
        );
      })}
    </div>
  );
}

/** IPsec customer gateways of one instance: one block per segment. */
export function IpsecGateways({ instanceIndex }: { instanceIndex: number }) {
  const base = `instances.${instanceIndex}.ipsec_customer_gateway` as const;
  const removeLabelled = useLabelledStep();
  const { fields, append, remove } = useBlockList(base);
  const generated = useDynamicSources(`instances.${instanceIndex}`, 'ipsec_customer_gateway');
  return (
    <section className="space-y-2" aria-label="IPsec customer gateways">
      <ListHeading
        path={base}
        title="IPsec customer gateways (per segment)"
        addLabel="Add segment gateway"
        onAdd={() => append(emptyIpsecCustomerGateway())}
      />
      <DynamicBlocks base={`instances.${instanceIndex}`} block="ipsec_customer_gateway" />
      {fields.length === 0 && generated.length === 0 && (
        <p className="text-xs italic text-slate-500 dark:text-slate-400">
          No IPsec gateways yet: IPSEC needs one per segment.
        </p>
      )}
      {fields.map((f, g) => {
        const p = `${base}.${g}` as const;
        return (
          <div
            key={f.id}
            className="space-y-2 rounded-md border border-blue-100 dark:border-blue-900/60 bg-blue-50/40 dark:bg-blue-950/30 p-2"
          >
            <div className="flex items-end gap-2">
              <AttributeField path={`${p}.segment_id`} label={`Segment ${g + 1}`} className="flex-1" />
              <button
                type="button"
                className="btn-link-danger mb-5 text-xs"
                onClick={() => removeLabelled(`Segment gateway ${g + 1} removed`, () => remove(g))}
              >
                Remove segment gateway
              </button>
            </div>
            <CustomerGateways base={p} />
          </div>
        );
      })}
    </section>
  );
}
