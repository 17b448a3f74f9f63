/**
 * Worker-thread entry of the design pool (./off-thread.ts): reads a large
 * validate or render body and computes its answer off the request thread.
 */
import { parentPort } from 'node:worker_threads';
import { jsonObjectFromText } from '@/lib/http/body';
import { ApiError } from '@/lib/http/response';
import { checkDesignBody, renderDesignBody } from './design-work';
import type { DesignJob, DesignReply } from './jobs';

function answer(job: DesignJob): DesignReply {
  try {
    const body = jsonObjectFromText(job.text);
    return { id: job.id, ok: true, value: job.kind === 'validate' ? checkDesignBody(body) : renderDesignBody(body) };
  } catch (err) {
    if (err instanceof ApiError)
      return { id: job.id, ok: false, status: err.status, message: err.message, extra: err.extra };
    return {
      id: job.id,
      ok: false,
      status: 500,
      message: err instanceof Error ? `${err.name}: ${err.message}` : 'design work failed',
      extra: {},
    };
  }
}

parentPort?.on('message', (job: DesignJob) => parentPort?.postMessage(answer(job)));
