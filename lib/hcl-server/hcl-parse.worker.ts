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

// Warm up (module code compiled, parser tables built) before taking jobs, so
// a job's time limit measures its own parse, not the worker's start.
parseConnectorHcl('resource "alkira_connector_azure_expressroute" "warm_up" {\n  name = "warm-up"\n}\n');
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (job: ParseJob) => {
  try {
    parentPort?.postMessage({ id: job.id, ok: true, result: parseConnectorHcl(job.text) });
  } catch (err) {
    parentPort?.postMessage({ id: job.id, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : 'parse failed' });
  }
});
