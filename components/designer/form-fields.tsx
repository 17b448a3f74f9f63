'use client';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { toExpression, type ConnectorDesign } from '@/lib/connector/design';
import { REFERENCE_LITERAL_MESSAGE } from '@/lib/connector/reference-literals';
import { useFieldIssues, useLabelledStep } from './design-document-context';
import type { FormPath } from './form-types';
import { helpFor } from './help-text';
import { labelForPath } from '@/lib/connector/resource';

/** DOM id of the control for a design path; the error summary focuses it. */
export function fieldId(path: string): string {
  return `field-${path}`;
}

/** Every error shown at a list's own path (e.g. "add at least one"), one line each. */
export function FieldErrorList({ path }: { path: string }) {
  const { errors } = useFieldIssues(path);
  return errors.map((message) => (
    <p key={message} role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
      {message}
    </p>
  ));
}

/** The first error shown at a field, if any (every one is listed by FieldNotes). */
export function useFieldError(path: string): string | undefined {
  return useFieldIssues(path).errors[0];
}

export const inputClass =
  'block h-8 w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-950 px-2 py-1 text-sm text-slate-900 dark:text-slate-100 shadow-xs ' +
  'placeholder:text-slate-400 dark:placeholder:text-slate-500 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 ' +
  'aria-[invalid=true]:border-red-500 aria-[invalid=true]:ring-red-500/20';

interface FieldShellProps {
  path: string;
  label: string;
  required?: boolean;
  help?: string;
  className?: string;
  children: ReactNode;
}

/** Label, control, help and error for one field, wired with aria-describedby. */
export function FieldShell({ path, label, required, help, className, children }: FieldShellProps) {
  const helpText = help ?? helpFor(path);
  return (
    <div className={className}>
      <label htmlFor={fieldId(path)} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
        {required && (
          <span className="ml-0.5 text-red-600 dark:text-red-400" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children}
      <FieldNotes path={path} help={helpText} />
    </div>
  );
}

/**
 * A field's help line, every error at it, and its warnings, with the ids its
 * control's aria-describedby points at. A literal that looks like a Terraform
 * reference gets a one-click fix, and so does an error that names the value
 * that resolves it (the tenant's next free /23 or /26, the id of the object
 * meant): a form edit like typing it, one undoable step.
 */
function FieldNotes({ path, help }: { path: string; help?: string | null }) {
  const { errors, warnings, errorFixes } = useFieldIssues(path);
  const { getValues, setValue } = useFormContext<ConnectorDesign>();
  const labelledStep = useLabelledStep();
  const applyFix = (fix: string) => {
    // A numeric field (a tunnel profile id) keeps its type.
    const value = typeof getValues(path as FormPath) === 'number' && Number.isFinite(Number(fix)) ? Number(fix) : fix;
    labelledStep(`${labelForPath(path) ?? path} set to ${fix}`, () =>
      setValue(path as FormPath, value as never, { shouldDirty: true }),
    );
  };
  const applyExpressionFix = () => {
    const value = getValues(path as FormPath);
    if (typeof value === 'string') setValue(path as FormPath, toExpression(value.trim()), { shouldDirty: true });
  };
  return (
    <>
      {help && (
        <p id={`help-${path}`} className="mt-0.5 text-[11px] leading-snug text-slate-600 dark:text-slate-400">
          {help}
        </p>
      )}
      {errors.length > 0 && (
        <div
          id={`error-${path}`}
          role="alert"
          className="mt-0.5 space-y-0.5 text-xs font-medium text-red-600 dark:text-red-400"
        >
          {errors.map((message, i) => {
            const fix = errorFixes[i];
            return (
              <p key={message}>
                {message}
                {fix !== undefined && (
                  <button
                    type="button"
                    className="ml-1 font-medium underline"
                    data-testid={`fix-${path}`}
                    onClick={() => applyFix(fix)}
                  >
                    Use {fix}
                  </button>
                )}
              </p>
            );
          })}
        </div>
      )}
      {warnings.length > 0 && (
        <div
          id={`warning-${path}`}
          className="mt-0.5 space-y-0.5 text-xs text-amber-800 dark:text-amber-200"
          data-testid={`warning-${path}`}
        >
          {warnings.map((message) => (
            <p key={message}>
              {message}
              {message === REFERENCE_LITERAL_MESSAGE && (
                <button type="button" className="ml-1 font-medium underline" onClick={applyExpressionFix}>
                  Use as expression
                </button>
              )}
            </p>
          ))}
        </div>
      )}
    </>
  );
}

/** The ids of a field's notes for its control's aria-describedby. */
export function useDescribedBy(
  path: string,
  hasHelp: boolean,
): { describedBy: string | undefined; invalid: true | undefined } {
  const { errors, warnings } = useFieldIssues(path);
  const ids = [
    errors.length ? `error-${path}` : '',
    warnings.length ? `warning-${path}` : '',
    hasHelp ? `help-${path}` : '',
  ].filter(Boolean);
  return { describedBy: ids.length ? ids.join(' ') : undefined, invalid: errors.length ? true : undefined };
}

interface TextFieldProps {
  path: FormPath;
  label: string;
  required?: boolean;
  placeholder?: string;
  /** Monospace for identifiers, prefixes and expressions. */
  mono?: boolean;
  inputMode?: 'text' | 'numeric';
  /** id of a <datalist> with suggestions. */
  list?: string;
  className?: string;
}

export function TextField({ path, label, required, placeholder, mono, inputMode, list, className }: TextFieldProps) {
  const { register } = useFormContext<ConnectorDesign>();
  const help = helpFor(path);
  const notes = useDescribedBy(path, Boolean(help));
  return (
    <FieldShell path={path} label={label} required={required} className={className}>
      <input
        id={fieldId(path)}
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        inputMode={inputMode}
        list={list}
        aria-invalid={notes.invalid}
        aria-required={required || undefined}
        aria-describedby={notes.describedBy}
        className={`${inputClass} ${mono ? 'font-mono text-[13px]' : ''}`}
        {...register(path)}
      />
    </FieldShell>
  );
}

interface SelectFieldProps {
  path: FormPath;
  label: string;
  options: readonly string[];
  required?: boolean;
  className?: string;
}

export function SelectField({ path, label, options, required, className }: SelectFieldProps) {
  const { register } = useFormContext<ConnectorDesign>();
  const help = helpFor(path);
  const notes = useDescribedBy(path, Boolean(help));
  return (
    <FieldShell path={path} label={label} required={required} className={className}>
      <select
        id={fieldId(path)}
        aria-invalid={notes.invalid}
        aria-describedby={notes.describedBy}
        className={inputClass}
        {...register(path)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ path, label, className }: { path: FormPath; label: string; className?: string }) {
  const { register } = useFormContext<ConnectorDesign>();
  const help = helpFor(path);
  const notes = useDescribedBy(path, Boolean(help));
  return (
    <div className={className}>
      <div className="flex items-center gap-2 pt-4">
        <input
          id={fieldId(path)}
          type="checkbox"
          aria-invalid={notes.invalid}
          aria-describedby={notes.describedBy}
          className="size-4 rounded border-slate-300 dark:border-slate-600 accent-blue-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          {...register(path)}
        />
        <label htmlFor={fieldId(path)} className="text-xs font-medium text-slate-700 dark:text-slate-300">
          {label}
        </label>
      </div>
      <FieldNotes path={path} help={help} />
    </div>
  );
}

interface ListRowsProps<T> {
  /** Path of the list, e.g. `billing_tag_ids`; row `i` is at `<path>.<i>`. */
  path: string;
  label: string;
  /** Names a row for screen readers and its remove button: "<itemLabel> <n>". */
  itemLabel: string;
  addLabel: string;
  items: readonly T[];
  /** Receives the whole list after a row is added or removed. */
  onChange: (next: T[]) => void;
  /** Value of a newly added row. */
  newItem: T;
  /** Help shown under the heading. */
  help?: string;
  /** How a row's control and its remove button line up. */
  align?: 'center' | 'start';
  /**
   * A row's control. It takes `fieldId(itemPath)` as its id (the row's label
   * points there) and, while the row has an error, `errorId` for
   * aria-describedby (undefined otherwise).
   */
  renderControl: (item: T, index: number, itemPath: string, errorId: string | undefined) => ReactNode;
}

/**
 * Stable React keys for the rows of a list of scalars, which have no identity
 * of their own: a removed row takes its key (and its controls' state, e.g. a
 * picker's expression mode) with it instead of handing it to the next row.
 * Rows added or dropped from outside (a form reset, HCL edits) get fresh keys
 * at the end, or lose them from the end.
 */
function useRowKeys(length: number) {
  const state = useRef<{ ids: number[]; next: number }>({ ids: [], next: 0 });
  const s = state.current;
  while (s.ids.length < length) s.ids.push(s.next++);
  if (s.ids.length > length) s.ids.length = length;
  return {
    ids: s.ids,
    /** Call before adding a row at the end. */
    add: () => void s.ids.push(s.next++),
    /** Call before removing row `index`. */
    remove: (index: number) => void s.ids.splice(index, 1),
  };
}

/**
 * The scaffolding of a list edited as rows, what `FieldShell` is for a single
 * field: heading and "+ Add" button (which carries the list's `field-<path>`
 * id), one row per item with a remove button and its error, and the list's own
 * error. The caller owns the value and renders each row's control.
 */
export function ListRows<T>({
  path,
  label,
  itemLabel,
  addLabel,
  items,
  onChange,
  newItem,
  help,
  align = 'center',
  renderControl,
}: ListRowsProps<T>) {
  const listErrors = useFieldIssues(path).errors;
  const headingId = useId();
  const rowClass = align === 'start' ? 'flex items-start gap-1' : 'flex items-center gap-1';
  const keys = useRowKeys(items.length);

  return (
    <fieldset className="min-w-0" aria-labelledby={headingId}>
      <div className="flex items-center justify-between">
        <span id={headingId} className="text-xs font-medium text-slate-700 dark:text-slate-300">
          {label}
        </span>
        <button
          type="button"
          id={fieldId(path)}
          className="btn-link text-xs"
          onClick={() => {
            keys.add();
            onChange([...items, newItem]);
          }}
        >
          + {addLabel}
        </button>
      </div>
      {help && <p className="text-[11px] leading-snug text-slate-600 dark:text-slate-400">{help}</p>}
      {items.length === 0 && <p className="mt-1 text-xs italic text-slate-500 dark:text-slate-400">None</p>}
      <ul className="mt-1 space-y-1">
        {items.map((item, i) => (
          <ListRow key={keys.ids[i]} itemPath={`${path}.${i}`} rowClass={rowClass}>
            {(errorId) => (
              <>
                <label htmlFor={fieldId(`${path}.${i}`)} className="sr-only">
                  {itemLabel} {i + 1}
                </label>
                {renderControl(item, i, `${path}.${i}`, errorId)}
                <button
                  type="button"
                  className="btn-icon"
                  aria-label={`Remove ${itemLabel} ${i + 1}`}
                  onClick={() => {
                    keys.remove(i);
                    onChange(items.filter((_, j) => j !== i));
                  }}
                >
                  ×
                </button>
              </>
            )}
          </ListRow>
        ))}
      </ul>
      {listErrors.map((message) => (
        <p key={message} role="alert" className="mt-0.5 text-xs font-medium text-red-600 dark:text-red-400">
          {message}
        </p>
      ))}
    </fieldset>
  );
}

/** One row of a ListRows list with every error at its item path. */
function ListRow({
  itemPath,
  rowClass,
  children,
}: {
  itemPath: string;
  rowClass: string;
  children: (errorId: string | undefined) => ReactNode;
}) {
  const { errors } = useFieldIssues(itemPath);
  const errorId = errors.length ? `error-${itemPath}` : undefined;
  return (
    <li>
      <div className={rowClass}>{children(errorId)}</div>
      {errors.length > 0 && (
        <div
          id={errorId}
          role="alert"
          className="mt-0.5 space-y-0.5 text-xs font-medium text-red-600 dark:text-red-400"
        >
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </li>
  );
}

interface ValueListFieldProps {
  /** Path of a list of scalars, e.g. `instances.0.gateway_mac_address`. */
  path: FormPath;
  label: string;
  itemLabel: string;
  addLabel: string;
  placeholder?: string;
  inputMode?: 'text' | 'numeric';
}

/**
 * A list of scalars edited as rows. useFieldArray only handles lists of
 * objects, so the whole list is one controlled value; each row still gets the
 * exact item path (`…gateway_mac_address.1`) as its id, name and error slot.
 */
export function ValueListField({ path, label, itemLabel, addLabel, placeholder, inputMode }: ValueListFieldProps) {
  const { field } = useController<ConnectorDesign>({ name: path });
  const items = Array.isArray(field.value) ? (field.value as (string | number)[]) : [];
  const update = (next: (string | number)[]) => field.onChange(next);

  return (
    <ListRows
      path={path}
      label={label}
      itemLabel={itemLabel}
      addLabel={addLabel}
      items={items}
      onChange={update}
      newItem=""
      help={helpFor(`${path}.0`)}
      renderControl={(value, i, itemPath, errorId) => (
        <input
          id={fieldId(itemPath)}
          name={itemPath}
          type="text"
          autoComplete="off"
          spellCheck={false}
          inputMode={inputMode}
          placeholder={placeholder}
          value={String(value ?? '')}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={errorId}
          onChange={(e) => update(items.map((v, j) => (j === i ? e.target.value : v)))}
          onBlur={field.onBlur}
          className={`${inputClass} font-mono text-[13px]`}
        />
      )}
    />
  );
}
