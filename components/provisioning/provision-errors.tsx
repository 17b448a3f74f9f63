/**
 * Explains a failed provisioning call: schema errors (422) as a list with
 * their design paths, unresolved tenant references (409) with what to do,
 * anything else (upstream down, 5xx) with the API's own message.
 */
import { ApiError, errorMessage } from '@/lib/client/api';

export interface ProvisionErrorsProps {
  error: unknown;
}

export function ProvisionErrors({ error }: ProvisionErrorsProps) {
  const body = error instanceof ApiError ? error.body : undefined;
  const status = error instanceof ApiError ? error.status : undefined;

  if (status === 409 && body?.unresolved?.length) {
    return (
      <div
        role="alert"
        className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
      >
        <p className="font-semibold">These references can&apos;t be resolved against the tenant:</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {body.unresolved.map((u) => (
            <li key={`${u.path}:${u.value}`}>
              <code className="font-mono text-xs">{u.path}</code> = <code className="font-mono text-xs">{u.value}</code>{' '}
              — {u.message}
            </li>
          ))}
        </ul>
        <p className="mt-2">Pick them from the tenant catalog, or export HCL instead.</p>
      </div>
    );
  }

  if (status === 422 && body?.errors?.length) {
    return (
      <div
        role="alert"
        className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
      >
        <p className="font-semibold">{body.error || 'The design is not valid'}</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {body.errors.map((e, i) => (
            <li key={`${e.path}:${i}`}>
              <code className="font-mono text-xs">{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <div
      role="alert"
      className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <p className="font-semibold">Provisioning request failed{status ? ` (HTTP ${status})` : ''}</p>
      <p className="mt-1">{errorMessage(error)}</p>
    </div>
  );
}
