import 'server-only';
/**
 * `GET /api/connectors/events` as a Server-Sent Events stream: `state` and
 * `connector` events from the shared hub, a `: ping` comment every 25 s, and
 * nothing else. The subscription ends when the client goes away (request
 * aborted or stream cancelled), so a closed tab leaves nothing behind.
 */
import type { AlkiraApi } from '@/lib/alkira/api';
import { subscribe, type DashboardEvent } from './events';
import { startWatching } from './provision-watch';

export const PING_MS = 25_000;

export function formatEvent(event: DashboardEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/**
 * `signal`: the client went away, or the stream must end (its session was
 * signed out of); `onEnd` runs once when the stream ends for any reason.
 */
export function eventStream(
  api: AlkiraApi,
  signal: AbortSignal,
  onEnd: () => void = () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = subscribe((event) => send(formatEvent(event)));
      const ping = setInterval(() => send(': ping\n\n'), PING_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(ping);
        unsubscribe();
        signal.removeEventListener('abort', stop);
        onEnd();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      if (signal.aborted) return stop();
      signal.addEventListener('abort', stop);
      // Opens the stream at once (headers and a first line), so proxies and the browser see it live.
      send(': connected\n\n');
      void startWatching(api).catch(() => undefined);
    },
    cancel() {
      stop();
    },
  });
}
