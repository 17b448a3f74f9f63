'use client';
/**
 * A secret (pre-shared key, remote auth value): typed text, masked by default
 * with a show/hide toggle — or a stored secret, the server's value that is
 * never shown. A stored one reads "Stored" and stays so unless
 * the user replaces it; after Replace, "Keep stored" brings it back.
 */
import { useRef, useState } from 'react';
import { useController } from 'react-hook-form';
import type { ConnectorDesign } from '@/lib/connector/design';
import { isStoredSecret, STORED_SECRET } from '@/lib/connector/stored-secret';
import { FieldShell, fieldId, inputClass, useDescribedBy } from './form-fields';
import type { FormPath } from './form-types';
import { helpFor } from './help-text';

interface SecretFieldProps {
  path: FormPath;
  label: string;
  required?: boolean;
  className?: string;
}

export function SecretField({ path, label, required, className }: SecretFieldProps) {
  const { field } = useController<ConnectorDesign>({ name: path });
  const help = helpFor(path);
  const notes = useDescribedBy(path, Boolean(help));
  const [visible, setVisible] = useState(false);
  // Whether this field held a stored secret that the user chose to replace (they may keep it after all).
  const [replacing, setReplacing] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const stored = isStoredSecret(field.value);

  if (stored) {
    const replace = () => {
      setReplacing(true);
      field.onChange('');
      // The text box takes the stored box's place on the next render.
      requestAnimationFrame(() => inputRef.current?.focus());
    };
    return (
      <FieldShell path={path} label={label} required={required} className={className}>
        <div className="flex gap-1">
          <output
            id={fieldId(path)}
            aria-describedby={notes.describedBy}
            data-testid={`stored-secret-${path}`}
            title="Stored on the server: kept unless you replace it"
            className={`${inputClass} flex items-center truncate whitespace-nowrap italic text-slate-600 dark:text-slate-400`}
          >
            Stored
          </output>
          <button
            type="button"
            onClick={replace}
            aria-label={`Replace ${label}`}
            className="btn-secondary shrink-0 px-2 text-xs"
          >
            Replace
          </button>
        </div>
      </FieldShell>
    );
  }

  return (
    <FieldShell path={path} label={label} required={required} className={className}>
      <div className="flex gap-1">
        <input
          id={fieldId(path)}
          ref={(element) => {
            inputRef.current = element;
            field.ref(element);
          }}
          name={field.name}
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={(event) => field.onChange(event.target.value)}
          onBlur={field.onBlur}
          type={visible ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          aria-invalid={notes.invalid}
          aria-describedby={notes.describedBy}
          className={`${inputClass} font-mono text-[13px]`}
        />
        <button
          type="button"
          onClick={() => setVisible((v) => !v)}
          aria-pressed={visible}
          aria-label={visible ? `Hide ${label}` : `Show ${label}`}
          className="btn-secondary shrink-0 px-2 text-xs"
        >
          {visible ? 'Hide' : 'Show'}
        </button>
        {replacing && (
          <button
            type="button"
            onClick={() => {
              setReplacing(false);
              field.onChange(STORED_SECRET);
            }}
            aria-label={`Keep the stored ${label}`}
            className="btn-secondary shrink-0 px-2 text-xs"
          >
            Keep stored
          </button>
        )}
      </div>
    </FieldShell>
  );
}
