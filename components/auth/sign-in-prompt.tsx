'use client';
/**
 * Shown instead of any page when sign-in is on and nobody is signed in (or the
 * account has no role). Explains a failed sign-in from `?signin_error=`.
 */
import { usePathname, useSearchParams } from 'next/navigation';

const SIGN_IN_ERRORS: Record<string, string> = {
  access_denied: 'The sign-in was cancelled or the identity provider refused it.',
  expired: 'The sign-in took too long. Please try again.',
  no_transaction: 'The sign-in was not started from this browser, or its cookie was lost. Please try again.',
  token_exchange: 'The sign-in could not be completed with the identity provider. Please try again.',
};

export function SignInPrompt({ noRole = false }: { noRole?: boolean }) {
  const params = useSearchParams();
  const code = params.get('signin_error');
  const here = usePathname() ?? '/';
  return (
    <div className="mx-auto mt-16 max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900">
      <h1 className="text-xl font-semibold">{noRole ? 'No access yet' : 'Sign in to Connector Studio'}</h1>
      {noRole ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          You are signed in, but none of your groups grants a Connector Studio role (viewer, designer or operator). Ask
          an administrator to add you to one of the mapped groups, then sign in again.
        </p>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Connector Studio uses your organisation&apos;s single sign-on.
        </p>
      )}
      {code && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
        >
          {SIGN_IN_ERRORS[code] ?? 'The sign-in failed. Please try again.'}
        </p>
      )}
      <a
        href={`/api/auth/login?returnTo=${encodeURIComponent(here)}`}
        className="inline-flex items-center rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
      >
        {noRole ? 'Sign in again' : 'Sign in'}
      </a>
    </div>
  );
}
