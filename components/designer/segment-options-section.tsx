'use client';
import { useBlockList } from './block-list';
import { emptySegmentOption } from '@/lib/connector/design';
import { BodyFields } from './attribute-field';
import { FieldErrorList, fieldId } from './form-fields';
import { useLabelledStep } from './design-document-context';
import { SectionCard } from './section-card';
import { DynamicBlocks } from './expression-parts';

export function SegmentOptionsSection() {
  const { fields, append, remove } = useBlockList('segment_options');
  const removeLabelled = useLabelledStep();
  return (
    <SectionCard
      id="section-segment-options"
      title="Segment options"
      subtitle="Routing per segment. Every segment used by an IPsec gateway needs one here."
      actions={
        <button
          type="button"
          id={fieldId('segment_options')}
          className="btn-secondary text-xs"
          onClick={() => append(emptySegmentOption())}
        >
          + Add segment option
        </button>
      }
    >
      <FieldErrorList path="segment_options" />
      <DynamicBlocks base="" block="segment_options" />
      {fields.map((f, i) => {
        const p = `segment_options.${i}` as const;
        return (
          <div key={f.id} className="rounded-md border border-slate-200 dark:border-slate-700 p-2">
            <div className="mb-1 flex items-center justify-between">
              <span className="text-xs font-medium text-slate-600 dark:text-slate-400">Segment option {i + 1}</span>
              <button
                type="button"
                className="btn-link-danger text-xs"
                onClick={() => removeLabelled(`Segment option ${i + 1} removed`, () => remove(i))}
              >
                Remove
              </button>
            </div>
            <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2">
              <BodyFields base={p} />
            </div>
          </div>
        );
      })}
    </SectionCard>
  );
}
