import 'server-only';
/**
 * `POST /api/hcl/parse` without blocking the server: text beyond the input
 * limits gets a diagnostic at once (`hclBoundsProblem`), everything else is
 * parsed in one long-lived worker thread, one job at a time, each with a time
 * limit. A job over its time limit terminates the worker (a fresh one takes
 * the next job) and answers 422; a full queue answers 429. The event loop only
 * ever posts and receives messages.
 */
import { Worker } from 'node:worker_threads';
import { hclBoundsProblem } from '@/lib/connector/hcl/bounds';
import type { ParsedHcl } from '@/lib/connector/hcl/parse';
import { ApiError } from '@/lib/http/errors';

/** How long one parse may take before it is abandoned. */
export const PARSE_TIMEOUT_MS = Number(process.env.CONNECTOR_STUDIO_PARSE_TIMEOUT_MS) || 5000;
/** Jobs waiting behind the running one before new ones are refused. */
const MAX_QUEUED = 16;

type Reply = { ready: true } | { id: number; ok: true; result: ParsedHcl } | { id: number; ok: false; error: string };

interface Job {
  id: number;
  text: string;
  resolve(result: ParsedHcl): void;
  reject(err: Error): void;
}

let worker: Worker | null = null;
/** Whether `worker` has started and warmed up (jobs wait for it, their time limit not yet running). */
let workerReady = false;
let running: { job: Job; timer: NodeJS.Timeout; worker: Worker } | null = null;
const queue: Job[] = [];
let nextId = 1;

function startWorker(): Worker {
  const w = new Worker(new URL('./hcl-parse.worker.ts', import.meta.url));
  // An idle worker must not keep the process alive at shutdown.
  w.unref();
  w.on('message', (reply: Reply) => {
    if ('ready' in reply) {
      if (worker === w) workerReady = true;
      pump();
      return;
    }
    if (!running || running.worker !== w || running.job.id !== reply.id) return;
    const { job, timer } = running;
    clearTimeout(timer);
    running = null;
    if (reply.ok) job.resolve(reply.result);
    else job.reject(new Error(reply.error));
    pump();
  });
  w.on('error', (err) => {
    // The 'exit' that follows replaces the worker.
    if (worker === w && !workerReady) failQueue(new Error(`HCL parser worker could not start: ${err.message}`));
    if (running?.worker === w) fail(new Error(`HCL parser worker failed: ${err.message}`));
  });
  w.on('exit', () => {
    if (worker !== w) return; // replaced already (a job over its time limit)
    worker = null;
    if (running?.worker === w) fail(new Error('HCL parser worker stopped'));
    else pump(); // jobs waiting for it get a new one
  });
  return w;
}

/** Fails every waiting job (the worker cannot start). */
function failQueue(err: Error): void {
  for (const job of queue.splice(0)) job.reject(err);
}

/** Fails the running job (if any) and moves on to the next. */
function fail(err: Error): void {
  if (!running) return;
  const { job, timer } = running;
  clearTimeout(timer);
  running = null;
  job.reject(err);
  pump();
}

function pump(): void {
  if (running || queue.length === 0) return;
  if (!worker) {
    workerReady = false;
    worker = startWorker();
  }
  if (!workerReady) return; // its ready message pumps again
  const job = queue.shift()!;
  const current = worker;
  const timer = setTimeout(() => {
    running = null;
    worker = null;
    void current.terminate();
    // Start (and warm) the next worker now, so the next job does not wait for it.
    workerReady = false;
    worker = startWorker();
    job.reject(
      new ApiError(
        422,
        `The HCL could not be parsed within ${PARSE_TIMEOUT_MS / 1000} s; it is far larger or more complex than a connector file (split it, or remove what is not a connector)`,
      ),
    );
    pump();
  }, PARSE_TIMEOUT_MS);
  running = { job, timer, worker: current };
  current.postMessage({ id: job.id, text: job.text });
}

/** The parse of `text`, computed off the request thread. */
export function parseHclOffThread(text: string): Promise<ParsedHcl> {
  const problem = hclBoundsProblem(text);
  if (problem) return Promise.resolve({ designs: [], diagnostics: [problem] });
  if (queue.length >= MAX_QUEUED) {
    return Promise.reject(new ApiError(429, 'The HCL parser is busy with other files; try again in a moment', {}, { 'Retry-After': '1' }));
  }
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, text, resolve, reject });
    pump();
  });
}
