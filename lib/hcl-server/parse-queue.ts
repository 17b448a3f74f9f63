/**
 * The one parse queue of the process and what its refusals say. Kept on
 * `globalThis`, because two bundles reach it: the parse route (which queues
 * jobs, ./parse-off-thread.ts) and the HTTP server's early answers (which
 * refuse a client already at its limit before Next reads its body,
 * lib/route/server-answers.ts, registered by instrumentation.ts).
 */
import { parseServiceConfig, type ParseServiceConfig } from './config';
import { FairQueue, type RefusalReason } from './fair-queue';

const SERVICE = Symbol.for('connector-studio.parse-queue');

interface ParseQueue {
  config: ParseServiceConfig;
  queue: FairQueue<unknown>;
}

/** The process's parse configuration and queue, made on first use. */
export function parseQueue(): ParseQueue {
  const holder = globalThis as { [SERVICE]?: ParseQueue };
  if (!holder[SERVICE]) {
    const config = parseServiceConfig();
    holder[SERVICE] = { config, queue: new FairQueue<unknown>(config.limits) };
  }
  return holder[SERVICE];
}

/** Retry-After of every refusal: a parse slot frees up within seconds. */
export const PARSE_RETRY_AFTER = { 'Retry-After': '1' };

/** Why a parse is refused with 429: the client's own limit, or the whole service being full. */
export function parseRefusalMessage(reason: RefusalReason): string {
  return reason === 'client'
    ? `You already have ${parseQueue().config.limits.perClient} HCL files being parsed; wait for their answers before sending more`
    : 'The HCL parser is busy with other files; try again in a moment';
}

/** Whether a new job of `client` would be refused now (`reserve` decides; this only looks). */
export function parseClientFull(client: string): boolean {
  const { config, queue } = parseQueue();
  return queue.inService(client) >= config.limits.perClient;
}
