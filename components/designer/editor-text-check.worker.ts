/**
 * Web Worker running `checkEditorText` off the main thread, after the form
 * edited the editor's file. Protocol: `{ id, text, choice }` in, `{ id, check }` out;
 * `{ prime: text }` in (the document's text once it is loaded, see primeEditorText): nothing out.
 */
import { checkEditorText, primeEditorText, type EditorTextCheck } from './editor-text-check';
import type { ResourceChoice } from './editor-design';

export interface EditorTextCheckRequest {
  id: number;
  text: string;
  choice: ResourceChoice;
}

export interface EditorTextCheckResponse {
  id: number;
  check: EditorTextCheck;
}

export interface EditorTextPrimeRequest {
  prime: string;
}

self.addEventListener('message', (event: MessageEvent<EditorTextCheckRequest | EditorTextPrimeRequest>) => {
  if ('prime' in event.data) return primeEditorText(event.data.prime);
  const { id, text, choice } = event.data;
  const response: EditorTextCheckResponse = { id, check: checkEditorText(text, choice) };
  self.postMessage(response);
});
