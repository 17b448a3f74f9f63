/**
 * Web Worker preparing a large file's draft off the main thread (blanking its inline keys and deflating it takes
 * tens of milliseconds on a megabyte). Protocol: `{ id, text, resource }` in, `{ id, entry, inline }` out.
 */
import { storedDraft, type InlineSecret } from './draft-storage';

export interface DraftRequest {
  id: number;
  text: string;
  resource: string;
}

export interface DraftResponse {
  id: number;
  entry: string;
  inline: InlineSecret[];
}

self.addEventListener('message', (event: MessageEvent<DraftRequest>) => {
  const { id, text, resource } = event.data;
  const response: DraftResponse = { id, ...storedDraft(text, resource) };
  self.postMessage(response);
});
