'use client';
import { useEffect, useRef, useState } from 'react';
import { emptyDesign, type ConnectorDesign } from '@/lib/connector/design';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';

interface TemplateChoice {
  id: string;
  title: string;
  description: string;
  design: () => ConnectorDesign;
}

const CHOICES: TemplateChoice[] = [
  {
    id: 'empty',
    title: 'Empty',
    description: 'A blank connector with one instance and one segment option.',
    design: emptyDesign,
  },
  ...DESIGN_TEMPLATES.map((t) => ({ ...t, design: () => structuredClone(t.design) })),
];

/** "Start from template" disclosure menu. */
export function TemplateMenu({ onChoose }: { onChoose: (design: ConnectorDesign, title: string) => void }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      ref={rootRef}
      className="relative"
      // Tabbing out of the menu closes it, like a click outside does. (A null
      // relatedTarget is a click on something unfocusable: the pointer handler decides.)
      onBlur={(e) => {
        const next = e.relatedTarget as Node | null;
        if (open && next && !rootRef.current?.contains(next)) setOpen(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls="template-menu"
        onClick={() => setOpen((o) => !o)}
        className="btn-secondary text-xs"
      >
        Templates <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          id="template-menu"
          aria-label="Starter templates"
          className="absolute left-0 z-30 mt-1 w-80 overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 py-1 shadow-lg"
        >
          {CHOICES.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                data-template={c.id}
                className="block w-full px-3 py-2 text-left hover:bg-slate-50 dark:hover:bg-slate-800 focus-visible:bg-blue-50 dark:focus-visible:bg-slate-800 focus-visible:outline-none"
                onClick={() => {
                  setOpen(false);
                  onChoose(c.design(), c.title);
                }}
              >
                <span className="block text-sm font-medium text-slate-900 dark:text-slate-100">{c.title}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">{c.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
