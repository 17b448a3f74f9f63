/** Messages between layout.ts and layout.worker.ts. */
import type { ElkNode } from 'elkjs/lib/elk.bundled.js';

export interface ElkLayoutRequest {
  id: number;
  graph: ElkNode;
}

export type ElkLayoutResponse = { id: number; result: ElkNode; error?: undefined } | { id: number; error: string; result?: undefined };
