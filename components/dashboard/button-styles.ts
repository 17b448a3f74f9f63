/** Button looks shared by the dashboard's pages. */
// The ring offset takes the page colour, so dark mode needs its own.
const focus =
  'focus:outline-none focus-visible:ring-2 focus-visible:ring-offset-2 dark:focus-visible:ring-offset-slate-950';

export const primaryButtonClass = `inline-flex items-center rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:ring-blue-400 disabled:cursor-not-allowed disabled:bg-slate-400 dark:disabled:bg-slate-600 ${focus}`;
export const secondaryButtonClass = `inline-flex items-center rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 text-sm font-medium text-slate-800 dark:text-slate-200 hover:bg-slate-50 dark:hover:bg-slate-800 focus-visible:ring-blue-400 disabled:cursor-not-allowed disabled:opacity-60 ${focus}`;
export const dangerButtonClass = `inline-flex items-center rounded bg-red-700 px-3 py-2 text-sm font-semibold text-white hover:bg-red-800 focus-visible:ring-red-400 disabled:cursor-not-allowed disabled:bg-red-300 dark:disabled:bg-red-900 ${focus}`;
