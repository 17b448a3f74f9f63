/**
 * The order in which parse jobs of several clients take the parser's workers,
 * as a pure class (no threads, no timers) so its fairness can be tested on its
 * own (see ./parse-off-thread.ts for the pool that uses it):
 *
 * - **Round-robin across clients.** Clients with waiting jobs form a ring; the
 *   next job comes from the first client in the ring that may run one more,
 *   and that client then moves to the back. A client that sends many jobs
 *   gets one turn per round, like everyone else.
 * - **A client never holds more than `runningPerClient` workers** (half the
 *   pool), so with two or more workers one is always left for someone else.
 * - **Within a client, the smaller job first**, unless a job has been passed
 *   over `maxPassOvers` times (it then goes next, so large jobs are not
 *   starved by a stream of small ones).
 * - **Admission**: a client with `perClient` jobs in the service (reserved,
 *   waiting or running) is refused — that client only; the service as a whole
 *   refuses new jobs when `total` are waiting (memory: each holds its text). A
 *   place can be reserved before the job exists (`reserve`, while a request
 *   body is read), so a client at its limit is refused before it costs
 *   anything; reserved places count against their client only, so clients
 *   that send their bodies slowly hold up no one else.
 */

import { itemAt } from '@/lib/util/indexing';

export interface FairQueueLimits {
  /** Jobs one client may have in the service: reserved, waiting or running. */
  perClient: number;
  /** Jobs that may wait, across all clients. */
  total: number;
  /** Jobs one client may have running at once. */
  runningPerClient: number;
  /** How often a waiting job may be overtaken by a smaller one of the same client. */
  maxPassOvers: number;
}

/** Why a job is refused: its client's own limit, or the whole service being full. */
export type RefusalReason = 'client' | 'total';

export type Admission = { ok: true } | { ok: false; reason: RefusalReason };

interface Waiting<J> {
  job: J;
  cost: number;
  passedOver: number;
}

interface ClientState<J> {
  waiting: Waiting<J>[];
  running: number;
  reserved: number;
}

export class FairQueue<J> {
  /** Per client with a job in the service: its waiting jobs (arrival order), how many run, places reserved. */
  private readonly clients = new Map<string, ClientState<J>>();
  /** Clients with a waiting job, in round-robin order (front: next turn). */
  private readonly ring: string[] = [];
  private waitingCount = 0;

  constructor(readonly limits: FairQueueLimits) {}

  /** Jobs waiting, across all clients. */
  get waiting(): number {
    return this.waitingCount;
  }

  /** A client's jobs in the service (reserved, waiting and running). */
  inService(client: string): number {
    const state = this.clients.get(client);
    return state ? state.reserved + state.waiting.length + state.running : 0;
  }

  /** Whether `client` may bring one more job (`held`: it has a place already), or who is over a limit. */
  private admit(client: string, held: boolean): Admission {
    if (!held && this.inService(client) >= this.limits.perClient) return { ok: false, reason: 'client' };
    if (this.waitingCount >= this.limits.total) return { ok: false, reason: 'total' };
    return { ok: true };
  }

  private state(client: string): ClientState<J> {
    let state = this.clients.get(client);
    if (!state) {
      state = { waiting: [], running: 0, reserved: 0 };
      this.clients.set(client, state);
    }
    return state;
  }

  /** Holds a place for a job of `client` that does not exist yet (`add` with `reserved` fills it, `release` frees it). */
  reserve(client: string): Admission {
    const admission = this.admit(client, false);
    if (admission.ok) this.state(client).reserved++;
    return admission;
  }

  /** Frees a place `reserve` held and no job filled. */
  release(client: string): void {
    const state = this.clients.get(client);
    if (!state || state.reserved === 0) return;
    state.reserved--;
    this.forgetIfIdle(client, state);
  }

  /**
   * Queues `job` for `client` (`cost`: its size, smaller goes first within the
   * client) in a place `reserve` held (`reserved`) or a new one, or says who is
   * over a limit (a held place is given up then).
   */
  add(client: string, job: J, cost: number, reserved = false): Admission {
    const held = reserved && (this.clients.get(client)?.reserved ?? 0) > 0;
    const admission = this.admit(client, held);
    if (held) this.release(client);
    if (!admission.ok) return admission;
    const state = this.state(client);
    if (state.waiting.length === 0) this.ring.push(client);
    state.waiting.push({ job, cost, passedOver: 0 });
    this.waitingCount++;
    return { ok: true };
  }

  /** How many waiting jobs could start now, were there workers for them. */
  runnable(): number {
    let n = 0;
    for (const client of this.ring) {
      const state = this.clients.get(client)!;
      n += Math.min(state.waiting.length, Math.max(0, this.limits.runningPerClient - state.running));
    }
    return n;
  }

  /** The next job to start (now counted as running for its client), or null when no waiting job may start. */
  take(): { client: string; job: J } | null {
    for (let i = 0; i < this.ring.length; i++) {
      const client = itemAt(this.ring, i, 'client');
      const state = this.clients.get(client)!;
      if (state.running >= this.limits.runningPerClient) continue;
      const picked = this.pick(state.waiting);
      this.waitingCount--;
      state.running++;
      // This client's turn is used: to the back of the ring, or out of it when nothing of its waits.
      this.ring.splice(i, 1);
      if (state.waiting.length > 0) this.ring.push(client);
      return { client, job: picked.job };
    }
    return null;
  }

  /** A job `take` gave for `client` has finished (whatever its outcome). */
  done(client: string): void {
    const state = this.clients.get(client);
    if (!state || state.running === 0) return;
    state.running--;
    this.forgetIfIdle(client, state);
  }

  private forgetIfIdle(client: string, state: ClientState<J>): void {
    if (state.running === 0 && state.waiting.length === 0 && state.reserved === 0) this.clients.delete(client);
  }

  /** Takes `job` out of the queue if it is still waiting (its client gave up); false when it started or is unknown. */
  remove(client: string, job: J): boolean {
    const state = this.clients.get(client);
    const at = state ? state.waiting.findIndex((w) => w.job === job) : -1;
    if (!state || at < 0) return false;
    state.waiting.splice(at, 1);
    this.waitingCount--;
    if (state.waiting.length === 0) this.ring.splice(this.ring.indexOf(client), 1);
    this.forgetIfIdle(client, state);
    return true;
  }

  /** Removes every waiting job (running and reserved ones stay counted until `done`/`release`) and returns them. */
  drain(): J[] {
    const jobs: J[] = [];
    for (const client of this.ring.splice(0)) {
      const state = this.clients.get(client)!;
      for (const w of state.waiting.splice(0)) jobs.push(w.job);
      this.forgetIfIdle(client, state);
    }
    this.waitingCount = 0;
    return jobs;
  }

  /** Removes the smallest waiting job, or the oldest one passed over too often; the others it overtakes count it. */
  private pick(waiting: Waiting<J>[]): Waiting<J> {
    let at = waiting.findIndex((w) => w.passedOver >= this.limits.maxPassOvers);
    if (at < 0) {
      at = 0;
      for (const [k, w] of waiting.entries()) if (w.cost < itemAt(waiting, at, 'waiting job').cost) at = k;
    }
    for (const overtaken of waiting.slice(0, at)) overtaken.passedOver++;
    const [picked] = waiting.splice(at, 1);
    if (!picked) throw new Error('Internal error: a job was picked from a client with none waiting');
    return picked;
  }
}
