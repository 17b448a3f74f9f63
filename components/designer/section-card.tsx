import type { ReactNode } from 'react';

/** A titled form section. */
export function SectionCard(props: {
  id: string;
  title: string;
  subtitle?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `${props.id}-heading`;
  return (
    <section
      id={props.id}
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 shadow-xs"
    >
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 dark:border-slate-700 px-4 py-2.5">
        <div className="min-w-0">
          <h2 id={headingId} className="text-sm font-semibold text-slate-900 dark:text-slate-100">
            {props.title}
          </h2>
          {props.subtitle && <p className="text-xs text-slate-600 dark:text-slate-400">{props.subtitle}</p>}
        </div>
        {props.actions && <div className="flex shrink-0 items-center gap-2">{props.actions}</div>}
      </header>
      <div className="space-y-3 p-4">{props.children}</div>
    </section>
  );
}
