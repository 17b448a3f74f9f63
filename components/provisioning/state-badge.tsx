/**
 * A provision state as a coloured pill: amber with a spinner while running
 * (PENDING, IN_PROGRESS), green SUCCESS, red FAILED and REJECTED (an
 * attempt refused before anything changed), orange PARTIAL_SUCCESS and
 * UNCONFIRMED (a create Alkira did not confirm), grey for none or an unknown value. The text is always the state itself, so
 * colour is never the only signal.
 */
export interface StateBadgeProps {
  state: string | null | undefined;
  className?: string;
}

// Dark variants: a deep tint with light text keeps the pill readable (WCAG AA) on slate-900 cards.
const RUNNING_STYLE =
  'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700';
const FAILED_STYLE = 'bg-red-100 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-700';
const PARTIAL_STYLE =
  'bg-orange-100 text-orange-900 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-700';
const STYLES: Record<string, string> = {
  PENDING: RUNNING_STYLE,
  IN_PROGRESS: RUNNING_STYLE,
  SUCCESS: 'bg-green-100 text-green-900 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-700',
  FAILED: FAILED_STYLE,
  PARTIAL_SUCCESS: PARTIAL_STYLE,
  REJECTED: FAILED_STYLE,
  UNCONFIRMED: PARTIAL_STYLE,
};
const UNKNOWN_STYLE =
  'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600';

export function StateBadge({ state, className = '' }: StateBadgeProps) {
  const label = state || 'NONE';
  const running = state === 'PENDING' || state === 'IN_PROGRESS';
  return (
    <span
      data-testid="state-badge"
      data-state={label}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${
        (state && STYLES[state]) || UNKNOWN_STYLE
      } ${className}`}
    >
      {running && (
        <span
          aria-hidden="true"
          className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-amber-600 border-t-transparent dark:border-amber-400 dark:border-t-transparent"
        />
      )}
      {label}
    </span>
  );
}
