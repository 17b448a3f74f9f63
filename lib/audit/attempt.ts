import 'server-only';
/**
 * Attempts that fail are part of the audit trail too: a create, update,
 * delete or provision that an authorised user asked for and that did not
 * happen — the body was refused, the design did not validate, a reference
 * did not resolve, the upstream answered 4xx/5xx or timed out — is recorded
 * with who, what and the failure as its result (state and the message the
 * user saw, scrubbed of secrets). A change whose success entry was already
 * written is never recorded a second time as failed.
 *
 * This is the attempt itself and its result states; running a change and
 * recording its failure is the service layer's (lib/services/audited.ts),
 * which knows the errors a change can end in.
 */
import type { AuditAction, AuditActor, AuditTargetType } from '@/lib/store/audit-log';

/** Refused before anything changed (4xx here or upstream). */
export const REJECTED = 'REJECTED';
/** The upstream failed or did not answer; nothing is known to have changed. */
export const FAILED = 'FAILED';
/** A create Alkira may have applied without confirming; the reconciler adopts it if it appears. */
export const UNCONFIRMED = 'UNCONFIRMED';

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
