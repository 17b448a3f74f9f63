/** Which Alkira backend the app talks to: the embedded emulator or a real portal host. */
import type { BackendInfo } from '@/lib/client/types';

export function BackendBadge({ backend }: { backend: BackendInfo }) {
  const emulator = backend.mode === 'emulator';
  return (
    <span
      data-testid="backend-badge"
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
        emulator
          ? 'bg-violet-50 dark:bg-violet-950/50 text-violet-900 dark:text-violet-200 ring-violet-300 dark:ring-violet-700'
          : 'bg-blue-50 dark:bg-blue-950/50 text-blue-900 dark:text-blue-200 ring-blue-300 dark:ring-blue-700'
      }`}
      title={
        emulator
          ? 'Requests go to the embedded Alkira emulator, not a real tenant'
          : `Alkira portal ${backend.host ?? ''}`
      }
    >
      <span className="font-semibold">Backend:</span> {emulator ? 'Emulator' : `Portal ${backend.host ?? ''}`.trim()}
    </span>
  );
}
