import 'server-only';
/**
 * Runs a change a user asked for and, when it fails, records the attempt in
 * the audit trail (lib/audit/attempt.ts) with the failure as its result: the
 * state (refused, failed, unconfirmed) and the message the user saw, scrubbed
 * of secrets. Here, not in lib/audit, because the failure is read from the
 * errors of the layers below (the HTTP error shape, the Alkira client's).
 */
import {
  AlkiraHttpError,
  AlkiraTimeoutError,
  AlkiraUnavailableError,
  CreateOutcomeUnknownError,
  scrubSecrets,
} from '@/lib/alkira/errors';
import { FAILED, REJECTED, UNCONFIRMED, type AuditAttempt } from '@/lib/audit/attempt';
import { hclPath } from '@/lib/connector/hcl-path';
import { ApiError } from '@/lib/http/response';
import { appendAuditEntry } from '@/lib/store/audit-log';

const MAX_DETAIL = 400;

function fieldErrors(extra: Record<string, unknown>): string {
  const errors = Array.isArray(extra.errors) ? extra.errors : [];
  const listed = errors
    .slice(0, 3)
    .map((e) =>
      e && typeof e === 'object' && 'path' in e && 'message' in e
        ? `${hclPath(String(e.path)) || '(body)'}: ${String(e.message)}`
        : null,
    )
    .filter(Boolean);
  return listed.length ? ` (${listed.join('; ')}${errors.length > 3 ? `; ${errors.length - 3} more` : ''})` : '';
}

/** The result state and the message the caller saw, for the trail. */
export function failureOf(err: unknown): { state: string; detail: string } {
  if (err instanceof ApiError)
    return {
      state: err.status < 500 ? REJECTED : FAILED,
      detail: `${err.status}: ${err.message}${fieldErrors(err.extra)}`,
    };
  if (err instanceof AlkiraHttpError)
    return { state: err.status < 500 ? REJECTED : FAILED, detail: `Alkira API answered ${err.status}: ${err.message}` };
  if (err instanceof CreateOutcomeUnknownError) return { state: UNCONFIRMED, detail: err.message };
  if (err instanceof AlkiraUnavailableError || err instanceof AlkiraTimeoutError)
    return { state: FAILED, detail: err.message };
  return { state: FAILED, detail: 'Internal error (see the server log)' };
}

/**
 * Runs `change`; when it throws, records the attempt with the failure as its
 * result and rethrows (the route answers as before). An audit write that
 * fails is logged, never turned into the answer.
 */
export async function audited<T>(attempt: AuditAttempt, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (err) {
    if (!attempt.recorded) {
      const { state, detail } = failureOf(err);
      try {
        await appendAuditEntry({
          backend: attempt.backend,
          actor: attempt.actor,
          action: attempt.action,
          targetType: attempt.targetType,
          targetId: attempt.targetId,
          targetName: attempt.targetName,
          summary: 'Not applied',
          requestId: null,
          failure: { state, detail: scrubSecrets(detail).slice(0, MAX_DETAIL) },
        });
      } catch (auditErr) {
        console.error(
          `[audit] could not record a failed ${attempt.action}: ${auditErr instanceof Error ? auditErr.name : 'error'}`,
        );
      }
    }
    throw err;
  }
}
