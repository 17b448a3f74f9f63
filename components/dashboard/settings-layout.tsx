/** Small layout pieces shared by the detail page's settings sections. */
import type { ReactNode } from 'react';

/** A definition list laid out as a two-column grid. */
export function Fields({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">{children}</dl>;
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      {/* wrap-anywhere: a circuit's resource id is one long word, and must not widen the page on a phone. */}
      <dd className="min-w-0 wrap-anywhere">{children}</dd>
    </>
  );
}

/** A value, or a dash when it is empty. */
export function Value({ value, mono = false }: { value: ReactNode; mono?: boolean }) {
  if (value === undefined || value === null || value === '')
    return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return <span className={mono ? 'font-mono text-xs' : undefined}>{value}</span>;
}

export function yesNo(value: boolean | undefined): string {
  return value ? 'Yes' : 'No';
}

export function Card({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section
      aria-labelledby={id}
      className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm"
    >
      <h2 id={id} className="mb-3 scroll-mt-20 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
