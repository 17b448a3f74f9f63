/**
 * Worker-thread entry: parses HCL off the request thread, so a slow parse
 * never stalls the server's event loop (see ./parse-off-thread.ts).
 */
import { readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';

/**
 * Shared with the pool: the id of the last job finished, written before the
 * answer is posted, so a job whose answer waits behind a busy event loop is
 * not taken for one over its time budget.
 */
const finished = workerData?.finished instanceof SharedArrayBuffer ? new Int32Array(workerData.finished) : null;

export interface ParseJob {
  id: number;
  text: string;
}

/**
 * This thread's id in the operating system (Linux: /proc/thread-self is
 * `<pid>/task/<tid>`), so the pool can read the CPU time this thread used and
 * tell a slow parse from a starved one; null elsewhere.
 */
function ownThreadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

// Warm up (module code compiled, parser tables built) before taking jobs, so
// a job's time limit measures its own parse, not the worker's start.
parseConnectorHcl('resource "alkira_connector_azure_expressroute" "warm_up" {\n  name = "warm-up"\n}\n');
parentPort?.postMessage({ ready: true, tid: ownThreadId() });

parentPort?.on('message', (job: ParseJob) => {
  let reply: object;
  try {
    reply = { id: job.id, ok: true, result: parseConnectorHcl(job.text) };
  } catch (err) {
    reply = { id: job.id, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : 'parse failed' };
  }
  if (finished) Atomics.store(finished, 0, job.id);
  parentPort?.postMessage(reply);
});
