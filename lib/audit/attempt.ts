import 'server-only';
/**
 * Attempts that fail are part of the audit trail too: a create, update,
 * delete or provision that an authorised user asked for and that did not
 * happen — the body was refused, the design did not validate, a reference
 * did not resolve, the upstream answered 4xx/5xx or timed out — is recorded
 * with who, what and the failure as its result (state and the message the
 * user saw, scrubbed of secrets). A change whose success entry was already
 * written is never recorded a second time as failed.
 */
import { AlkiraHttpError, AlkiraTimeoutError, AlkiraUnavailableError, CreateOutcomeUnknownError, scrubSecrets } from '@/lib/alkira/errors';
import { hclPath } from '@/lib/connector/hcl-path';
import { ApiError } from '@/lib/http/response';
import { appendAuditEntry, type AuditAction, type AuditActor, type AuditTargetType } from '@/lib/store/audit-log';

/** Refused before anything changed (4xx here or upstream). */
export const REJECTED = 'REJECTED';
/** The upstream failed or did not answer; nothing is known to have changed. */
export const FAILED = 'FAILED';
/** A create Alkira may have applied without confirming; the reconciler adopts it if it appears. */
export const UNCONFIRMED = 'UNCONFIRMED';

const MAX_DETAIL = 400;

export class AuditAttempt {
  targetType: AuditTargetType = 'connector';
  targetId = '';
  targetName = '';
  private settled = false;

  constructor(
    readonly actor: AuditActor,
    public action: AuditAction,
    readonly backend: string,
  ) {}

  /** What the attempt is about, as soon as it is known (a connector id, a design's name). */
  about(target: { type?: AuditTargetType; id?: string | number; name?: string }): this {
    if (target.type) this.targetType = target.type;
    if (target.id !== undefined) this.targetId = String(target.id);
    if (target.name !== undefined) this.targetName = target.name.slice(0, 300);
    return this;
  }

  /** The success entry is written: a later failure (building the answer) is not the change's. */
  markRecorded(): void {
    this.settled = true;
  }

  get recorded(): boolean {
    return this.settled;
  }
}

function fieldErrors(extra: Record<string, unknown>): string {
  const errors = Array.isArray(extra.errors) ? extra.errors : [];
  const listed = errors
    .slice(0, 3)
    .map((e) => (e && typeof e === 'object' && 'path' in e && 'message' in e ? `${hclPath(String(e.path)) || '(body)'}: ${String(e.message)}` : null))
    .filter(Boolean);
  return listed.length ? ` (${listed.join('; ')}${errors.length > 3 ? `; ${errors.length - 3} more` : ''})` : '';
}

/** The result state and the message the caller saw, for the trail. */
export function failureOf(err: unknown): { state: string; detail: string } {
  if (err instanceof ApiError) return { state: err.status < 500 ? REJECTED : FAILED, detail: `${err.status}: ${err.message}${fieldErrors(err.extra)}` };
  if (err instanceof AlkiraHttpError) return { state: err.status < 500 ? REJECTED : FAILED, detail: `Alkira API answered ${err.status}: ${err.message}` };
  if (err instanceof CreateOutcomeUnknownError) return { state: UNCONFIRMED, detail: err.message };
  if (err instanceof AlkiraUnavailableError || err instanceof AlkiraTimeoutError) return { state: FAILED, detail: err.message };
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
        console.error(`[audit] could not record a failed ${attempt.action}: ${auditErr instanceof Error ? auditErr.name : 'error'}`);
      }
    }
    throw err;
  }
}
