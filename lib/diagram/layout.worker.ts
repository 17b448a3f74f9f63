/**
 * Web Worker that runs ELK off the main thread (see `runElk` in layout.ts).
 * Protocol: `{ id, graph }` in, `{ id, result }` or `{ id, error }` out.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkLayoutRequest, ElkLayoutResponse } from './layout-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ElkLayoutRequest>) => void) | null;
  postMessage(message: ElkLayoutResponse): void;
}

const scope = self as unknown as WorkerScope;
const elk = new ELK();

// Loaded in a worker, elk.bundled.js installs its own dispatcher as
// `self.onmessage`; this module's protocol replaces it.
scope.onmessage = (event) => {
  const { id, graph } = event.data;
  elk.layout(graph).then(
    (result) => scope.postMessage({ id, result }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
