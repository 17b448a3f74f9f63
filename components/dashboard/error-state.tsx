'use client';
/** A failed load: the API's message and a retry button. */
export interface ErrorStateProps {
  title: string;
  message: string;
  onRetry(): void;
  retrying?: boolean;
}

export function ErrorState({ title, message, onRetry, retrying = false }: ErrorStateProps) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950/40 p-4 text-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{message}</p>
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className="mt-3 rounded border border-red-400 dark:border-red-700 bg-white dark:bg-slate-900 px-3 py-1.5 text-sm font-medium hover:bg-red-100 dark:hover:bg-red-950 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-400 dark:text-red-100 disabled:opacity-60"
      >
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
