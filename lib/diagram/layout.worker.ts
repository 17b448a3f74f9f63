/**
 * Web Worker that runs ELK off the main thread (see `runElk` in layout.ts).
 * Protocol: `{ id, graph }` in, `{ id, result }` or `{ id, error }` out.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkLayoutRequest, ElkLayoutResponse } from './layout-protocol';

const scope = self;
const reply = (message: ElkLayoutResponse) => scope.postMessage(message);
const elk = new ELK();

// Loaded in a worker, elk.bundled.js installs its own dispatcher as
// `self.onmessage`; this module's protocol replaces it.
scope.onmessage = (event: MessageEvent<ElkLayoutRequest>) => {
  const { id, graph } = event.data;
  elk.layout(graph).then(
    (result) => reply({ id, result }),
    (error: unknown) => reply({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
