/**
 * Worker-thread entry: parses HCL off the request thread, so a slow parse
 * never stalls the server's event loop (see ./parse-off-thread.ts).
 */
import { parentPort } from 'node:worker_threads';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';

export interface ParseJob {
  id: number;
  text: string;
}

parentPort?.on('message', (job: ParseJob) => {
  try {
    parentPort?.postMessage({ id: job.id, ok: true, result: parseConnectorHcl(job.text) });
  } catch (err) {
    parentPort?.postMessage({ id: job.id, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : 'parse failed' });
  }
});
