/**
 * The header's right end: "Local mode" without sign-in; otherwise the user's
 * name and role and a Sign out button (a form POST, so it works without JS).
 */
import { ROLE_LABELS } from '@/lib/auth/roles';
import type { Viewer } from '@/lib/client/viewer';

export function UserBadge({ viewer }: { viewer: Viewer }) {
  if (viewer.mode === 'local') {
    return (
      <span
        title="No sign-in configured: you are the local operator, and the server listens on 127.0.0.1 only"
        className="rounded-full border border-amber-300/60 bg-amber-400/15 px-2.5 py-0.5 text-xs font-medium text-amber-100"
      >
        Local mode
      </span>
    );
  }
  if (!viewer.user) {
    return (
      <a
        href="/api/auth/login"
        className="rounded px-2.5 py-1 text-sm text-slate-200 hover:bg-slate-800 hover:text-white"
      >
        Sign in
      </a>
    );
  }
  return (
    <div className="flex items-center gap-3 text-sm">
      <span data-testid="signed-in-user">
        <span className="font-medium text-white">{viewer.user.name}</span>{' '}
        <span className="rounded-full bg-slate-700 px-2 py-0.5 text-xs text-slate-100">
          {viewer.user.role ? ROLE_LABELS[viewer.user.role] : 'No role'}
        </span>
      </span>
      <form method="post" action="/api/auth/logout">
        <button
          type="submit"
          className="rounded px-2.5 py-1 text-slate-200 hover:bg-slate-800 hover:text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-400"
        >
          Sign out
        </button>
      </form>
    </div>
  );
}
