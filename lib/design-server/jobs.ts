/** The messages between the design pool (./off-thread.ts) and its workers (./design.worker.ts). */
import type { DesignCheckResponse } from '@/lib/contract';

export interface DesignJob {
  id: number;
  kind: 'validate' | 'render';
  /** The request body's text (JSON), read by the worker. */
  text: string;
}

export type DesignReply =
  | { id: number; ok: true; value: DesignCheckResponse | string }
  /** An ApiError (status, message, extra) to answer; 500: anything else, message for the log only. */
  | { id: number; ok: false; status: number; message: string; extra: Record<string, unknown> };
