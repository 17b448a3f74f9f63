import 'server-only';
/**
 * `POST /api/hcl/parse` without blocking the server, and fair between clients:
 * text beyond the input limits gets a diagnostic at once (`hclBoundsProblem`);
 * everything else is parsed by a pool of long-lived worker threads (one per
 * core unless CONNECTOR_STUDIO_PARSE_WORKERS says otherwise, started as jobs
 * need them, each warmed up before its first job). Jobs wait in a fair queue
 * (./fair-queue.ts): round-robin across clients, at most half the workers for
 * one client, at most PARSE_JOBS_PER_CLIENT jobs per client (429 for that
 * client only; the route reserves the place before reading the body, so a
 * client at its limit is refused for the price of its headers). Each job has a
 * time budget in proportion to its size (`parseBudgetMs`); a job over it
 * terminates its worker (a fresh one warms up at once) and answers 422. The
 * event loop only posts and receives messages.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { hclBoundsProblem } from '@/lib/connector/hcl/bounds';
import type { ParsedHcl } from '@/lib/connector/hcl/parse';
import { ApiError } from '@/lib/http/response';
import { formatBudget, parseBudgetMs } from './config';
import type { FairQueue, RefusalReason } from './fair-queue';
import { PARSE_RETRY_AFTER, parseQueue, parseRefusalMessage } from './parse-queue';

const { config: CONFIG, queue: sharedQueue } = parseQueue();

type Reply =
  | { ready: true; tid?: number | null }
  | { id: number; ok: true; result: ParsedHcl }
  | { id: number; ok: false; error: string };

interface Job {
  id: number;
  client: string;
  /** Dropped once posted to a worker (the worker has its own copy). */
  text: string;
  budgetMs: number;
  resolve(result: ParsedHcl): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker | null;
  /** [0]: the id of the last job the worker finished, written by the worker before it answers. */
  finished: Int32Array;
  /** Whether `worker` has started and warmed up (only then does it take jobs). */
  ready: boolean;
  /** The worker's operating-system thread id (Linux), whose CPU time the budget counts; null: wall time counts. */
  tid: number | null;
  running: { job: Job; timer: NodeJS.Timeout } | null;
}

const slots: Slot[] = Array.from({ length: CONFIG.workers }, () => ({
  worker: null,
  finished: new Int32Array(1),
  ready: false,
  tid: null,
  running: null,
}));
const queue = sharedQueue as FairQueue<Job>;
let nextId = 0;

function startWorker(slot: Slot): void {
  const finished = new SharedArrayBuffer(4);
  const w = new Worker(new URL('./hcl-parse.worker.ts', import.meta.url), { workerData: { finished } });
  slot.finished = new Int32Array(finished);
  // An idle worker must not keep the process alive at shutdown.
  w.unref();
  slot.worker = w;
  slot.ready = false;
  slot.tid = null;
  w.on('message', (reply: Reply) => {
    if (slot.worker !== w) return; // terminated over a time budget
    if ('ready' in reply) {
      slot.ready = true;
      slot.tid = reply.tid ?? null;
      pump();
      return;
    }
    if (slot.running?.job.id !== reply.id) return;
    const job = finish(slot);
    if (reply.ok) job.resolve(reply.result);
    else job.reject(new Error(reply.error));
    pump();
  });
  w.on('error', (err) => {
    if (slot.worker !== w) return;
    // When no worker can start, what waits fails rather than restarting workers for it over and over.
    if (!slot.ready && !slots.some((s) => s.ready)) {
      for (const job of queue.drain()) job.reject(new Error(`HCL parser worker could not start: ${err.message}`));
    }
    if (slot.running) finish(slot).reject(new Error(`HCL parser worker failed: ${err.message}`));
    // The 'exit' that follows frees the slot.
  });
  w.on('exit', () => {
    if (slot.worker !== w) return; // replaced already
    slot.worker = null;
    slot.ready = false;
    if (slot.running) finish(slot).reject(new Error('HCL parser worker stopped'));
    pump(); // jobs that were waiting for it get a new one
  });
}

/** Ends the slot's running job (the caller settles it) and frees its client's turn. */
function finish(slot: Slot): Job {
  const { job, timer } = slot.running!;
  clearTimeout(timer);
  slot.running = null;
  queue.done(job.client);
  return job;
}

/** CPU time (ms) the thread `tid` of this process has used; null when unknown (not Linux, thread gone). */
function threadCpuMs(tid: number | null): number | null {
  if (tid === null) return null;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ 100
  } catch {
    return null;
  }
}

/**
 * A job's budget is the CPU time its worker spends on it where that can be
 * read (Linux): on a machine busy with other work the parse gets less of a
 * core, and a file that is not slow must not be refused for it. Wall time
 * still bounds it, at STARVED_WALL_FACTOR times the budget.
 */
const STARVED_WALL_FACTOR = 5;

function run(slot: Slot, job: Job): void {
  const worker = slot.worker!;
  const startedAt = Date.now();
  const cpuAtStart = threadCpuMs(slot.tid);
  const overBudget = () => {
    // Finished in time, its answer not yet read: the event loop was late, not the parse.
    if (Atomics.load(slot.finished, 0) === job.id) return;
    const cpuNow = threadCpuMs(slot.tid);
    const used = cpuAtStart !== null && cpuNow !== null ? cpuNow - cpuAtStart : null;
    const waited = Date.now() - startedAt;
    if (used !== null && used < job.budgetMs && waited < job.budgetMs * STARVED_WALL_FACTOR) {
      // Starved, not slow: give it the CPU time it has left (at least 50 ms on, the clock's resolution being 10 ms).
      slot.running = { job, timer: setTimeout(overBudget, Math.max(50, job.budgetMs - used)) };
      return;
    }
    finish(slot);
    void worker.terminate();
    // Start (and warm) the replacement now, so the next job does not wait for it.
    startWorker(slot);
    job.reject(
      new ApiError(
        422,
        `The HCL could not be parsed within ${formatBudget(job.budgetMs)}; it is far larger or more complex than a connector file (split it, or remove what is not a connector)`,
      ),
    );
    pump();
  };
  slot.running = { job, timer: setTimeout(overBudget, job.budgetMs) };
  worker.postMessage({ id: job.id, text: job.text });
  job.text = '';
}

/** Gives idle workers the next jobs in fair order, and starts workers for jobs that could run but have none. */
function pump(): void {
  for (;;) {
    const slot = slots.find((s) => s.ready && !s.running);
    if (!slot) break;
    const next = queue.take();
    if (!next) break;
    run(slot, next.job);
  }
  let wanted = queue.runnable() - slots.filter((s) => s.worker && !s.ready).length;
  for (const slot of slots) {
    if (wanted <= 0) break;
    if (slot.worker) continue;
    startWorker(slot);
    wanted--;
  }
}

function refusal(reason: RefusalReason): ApiError {
  return new ApiError(429, parseRefusalMessage(reason), {}, PARSE_RETRY_AFTER);
}

/** For a request whose client went away (nobody reads the answer; an ApiError keeps it out of the error log). */
const abandoned = () => new ApiError(400, 'The request was abandoned before its HCL was parsed');

function enqueue(text: string, client: string, reserved: boolean, signal?: AbortSignal): Promise<ParsedHcl> {
  const problem = hclBoundsProblem(text);
  if (problem) {
    if (reserved) queue.release(client);
    return Promise.resolve({ designs: [], diagnostics: [problem] });
  }
  return new Promise((resolve, reject) => {
    nextId = nextId >= 0x7fffffff ? 1 : nextId + 1; // ids fit the worker's Int32 "finished" cell
    const forget = () => signal?.removeEventListener('abort', abandon);
    const job: Job = {
      id: nextId,
      client,
      text,
      budgetMs: parseBudgetMs(text.length, CONFIG.timeoutMs),
      resolve: (result) => {
        forget();
        resolve(result);
      },
      reject: (err) => {
        forget();
        reject(err);
      },
    };
    // A client that went away leaves no work behind: its job leaves the queue (a running one finishes).
    function abandon() {
      if (queue.remove(client, job)) job.reject(abandoned());
    }
    if (signal?.aborted) {
      if (reserved) queue.release(client);
      reject(abandoned());
      return;
    }
    const admission = queue.add(client, job, text.length, reserved);
    if (!admission.ok) {
      reject(refusal(admission.reason));
      return;
    }
    signal?.addEventListener('abort', abandon, { once: true });
    pump();
  });
}

/**
 * The parse of `text`, computed off the request thread. `client` says whose
 * job it is (a user or an address, see ./client-key.ts): jobs of different
 * clients take turns, and each client's own limit applies only to it.
 * `signal` (the request's): when it aborts, a job still waiting is dropped.
 */
export function parseHclOffThread(text: string, client = 'anonymous', signal?: AbortSignal): Promise<ParsedHcl> {
  return enqueue(text, client, false, signal);
}

/** A place in the parse service, held while the text is read. */
export interface ParseTurn {
  /** The parse of `text`, in the held place (`signal` as for `parseHclOffThread`). */
  parse(text: string, signal?: AbortSignal): Promise<ParsedHcl>;
  /** Gives the place up unused (the text could not be read). */
  release(): void;
}

/** Holds a place for `client` before its text is read; throws the 429 at once when the client (or the service) is full. */
export function reserveParse(client: string): ParseTurn {
  const admission = queue.reserve(client);
  if (!admission.ok) throw refusal(admission.reason);
  let held = true;
  return {
    parse(text, signal) {
      const reserved = held;
      held = false;
      return enqueue(text, client, reserved, signal);
    },
    release() {
      if (held) queue.release(client);
      held = false;
    },
  };
}
