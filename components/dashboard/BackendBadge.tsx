/** Which Alkira backend the app talks to: the embedded emulator or a real portal host. */
import type { BackendInfo } from '@/lib/client/types';

export function BackendBadge({ backend }: { backend: BackendInfo }) {
  const emulator = backend.mode === 'emulator';
  return (
    <span
      data-testid="backend-badge"
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
        emulator ? 'bg-violet-50 text-violet-900 ring-violet-300' : 'bg-blue-50 text-blue-900 ring-blue-300'
      }`}
      title={emulator ? 'Requests go to the embedded Alkira emulator, not a real tenant' : `Alkira portal ${backend.host ?? ''}`}
    >
      <span className="font-semibold">Backend:</span> {emulator ? 'Emulator' : `Portal ${backend.host ?? ''}`.trim()}
    </span>
  );
}
