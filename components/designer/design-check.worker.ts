/**
 * Web Worker running `checkDesign` off the main thread, so validating and
 * rendering a large design never blocks typing. Protocol: `{ id, design,
 * options }` in, `{ id, check }` out.
 */
import { checkDesign, type DesignCheck } from './design-check';
import type { ConnectorDesign, HclRenderOptions } from '@/lib/connector/design';

export interface DesignCheckRequest {
  id: number;
  design: ConnectorDesign;
  options: Required<HclRenderOptions>;
}

export interface DesignCheckResponse {
  id: number;
  check: DesignCheck;
}

self.addEventListener('message', (event: MessageEvent<DesignCheckRequest>) => {
  const { id, design, options } = event.data;
  const response: DesignCheckResponse = { id, check: checkDesign(design, options) };
  self.postMessage(response);
});
