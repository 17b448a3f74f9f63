/** Button looks shared by the dashboard's pages. */
const focus = 'focus:outline-none focus-visible:ring-2 focus-visible:ring-offset-2';

export const primaryButtonClass = `inline-flex items-center rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:ring-blue-400 disabled:cursor-not-allowed disabled:bg-slate-400 ${focus}`;
export const secondaryButtonClass = `inline-flex items-center rounded border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:ring-blue-400 disabled:cursor-not-allowed disabled:opacity-60 ${focus}`;
export const dangerButtonClass = `inline-flex items-center rounded bg-red-700 px-3 py-2 text-sm font-semibold text-white hover:bg-red-800 focus-visible:ring-red-400 disabled:cursor-not-allowed disabled:bg-red-300 ${focus}`;
