import 'server-only';
/**
 * Validation and rendering of large designs without blocking the server: a
 * body of at least OFF_THREAD_BYTES (a design of a few dozen tunnels and up;
 * the 640-tunnel benchmark design is 130 KB and takes 50–150 ms to check) is
 * read, checked or rendered by a pool of worker threads (one per core unless
 * CONNECTOR_STUDIO_DESIGN_WORKERS says otherwise, started as jobs need them);
 * smaller bodies cost less than a message round trip and stay on the request
 * thread. Jobs wait first-come first-served; more than MAX_WAITING waiting
 * is refused with 503 and Retry-After, and a job over its time budget
 * terminates its worker and answers 422. The pool lives on globalThis: the
 * validate and render routes are separate bundles, and share it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ApiError } from '@/lib/http/response';
import type { DesignCheckResponse } from '@/lib/contract';
import type { DesignJob, DesignReply } from './jobs';

/** Bodies at least this large go to the pool. */
export const OFF_THREAD_BYTES = 16 * 1024;
/** Jobs that may wait for a worker, across all clients. */
export const MAX_WAITING = 256;
/** A job's time budget: far beyond what the largest accepted body needs. */
export const DESIGN_JOB_BUDGET_MS = 15_000;

interface Pending {
  job: DesignJob;
  resolve(value: DesignCheckResponse | string): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker | null;
  running: { pending: Pending; timer: NodeJS.Timeout } | null;
}

interface Pool {
  slots: Slot[];
  waiting: Pending[];
  nextId: number;
}

const POOL = Symbol.for('connector-studio.design-pool');

function workerCount(): number {
  const configured = Number(process.env.CONNECTOR_STUDIO_DESIGN_WORKERS);
  return Math.max(1, Math.floor(Number.isFinite(configured) && configured > 0 ? configured : availableParallelism()));
}

function pool(): Pool {
  const holder = globalThis as { [POOL]?: Pool };
  holder[POOL] ??= {
    slots: Array.from({ length: workerCount() }, () => ({ worker: null, running: null })),
    waiting: [],
    nextId: 0,
  };
  return holder[POOL];
}

function startWorker(slot: Slot): Worker {
  const w = new Worker(new URL('./design.worker.ts', import.meta.url));
  w.unref(); // an idle worker must not keep the process alive
  slot.worker = w;
  w.on('message', (reply: DesignReply) => {
    if (slot.worker !== w || slot.running?.pending.job.id !== reply.id) return;
    const { pending } = finish(slot);
    if (reply.ok) pending.resolve(reply.value);
    else if (reply.status === 500) pending.reject(new Error(reply.message));
    else pending.reject(new ApiError(reply.status, reply.message, reply.extra));
    pump();
  });
  w.on('error', (err) => {
    if (slot.worker === w && slot.running)
      finish(slot).pending.reject(new Error(`design worker failed: ${err.message}`));
  });
  w.on('exit', () => {
    if (slot.worker !== w) return;
    slot.worker = null;
    if (slot.running) finish(slot).pending.reject(new Error('design worker stopped'));
    pump();
  });
  return w;
}

function finish(slot: Slot): { pending: Pending } {
  const { pending, timer } = slot.running!;
  clearTimeout(timer);
  slot.running = null;
  return { pending };
}

function pump(): void {
  const p = pool();
  for (const slot of p.slots) {
    if (slot.running) continue;
    const pending = p.waiting.shift();
    if (!pending) return;
    const worker = slot.worker ?? startWorker(slot);
    const timer = setTimeout(() => {
      finish(slot);
      slot.worker = null;
      void worker.terminate();
      pending.reject(
        new ApiError(
          422,
          `The design could not be ${pending.job.kind === 'validate' ? 'checked' : 'rendered'} within ${DESIGN_JOB_BUDGET_MS / 1000} s; it is far larger than a connector`,
        ),
      );
      pump();
    }, DESIGN_JOB_BUDGET_MS);
    slot.running = { pending, timer };
    worker.postMessage(pending.job);
    pending.job.text = ''; // the worker has its own copy
  }
}

function submit(kind: DesignJob['kind'], text: string): Promise<DesignCheckResponse | string> {
  const p = pool();
  if (p.waiting.length >= MAX_WAITING) {
    return Promise.reject(
      new ApiError(
        503,
        'The server is busy checking other large designs; try again in a moment',
        {},
        { 'Retry-After': '1' },
      ),
    );
  }
  p.nextId = p.nextId >= Number.MAX_SAFE_INTEGER ? 1 : p.nextId + 1;
  return new Promise((resolve, reject) => {
    p.waiting.push({ job: { id: p.nextId, kind, text }, resolve, reject });
    pump();
  });
}

/** The offline check of the design whose JSON is `text`, in a worker. */
export function checkDesignOffThread(text: string): Promise<DesignCheckResponse> {
  return submit('validate', text) as Promise<DesignCheckResponse>;
}

/** The render answer (HCL text) of the body whose JSON is `text`, in a worker. */
export function renderDesignOffThread(text: string): Promise<string> {
  return submit('render', text) as Promise<string>;
}
