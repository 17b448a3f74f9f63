/**
 * A provision state as a coloured pill: amber with a spinner while running
 * (PENDING, IN_PROGRESS), green SUCCESS, red FAILED, orange PARTIAL_SUCCESS,
 * grey for none or an unknown value. The text is always the state itself, so
 * colour is never the only signal.
 */
export interface StateBadgeProps {
  state: string | null | undefined;
  className?: string;
}

const STYLES: Record<string, string> = {
  PENDING: 'bg-amber-100 text-amber-900 ring-amber-300',
  IN_PROGRESS: 'bg-amber-100 text-amber-900 ring-amber-300',
  SUCCESS: 'bg-green-100 text-green-900 ring-green-300',
  FAILED: 'bg-red-100 text-red-900 ring-red-300',
  PARTIAL_SUCCESS: 'bg-orange-100 text-orange-900 ring-orange-300',
};
const UNKNOWN_STYLE = 'bg-slate-100 text-slate-700 ring-slate-300';

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
          className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-amber-600 border-t-transparent"
        />
      )}
      {label}
    </span>
  );
}
