/**
 * Web Worker running `checkEditorText` off the main thread, after the form
 * edited the editor's file. Protocol: `{ id, text, choice }` in, `{ id, check }` out.
 */
import { checkEditorText, type EditorTextCheck } from './editor-text-check';
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

self.addEventListener('message', (event: MessageEvent<EditorTextCheckRequest>) => {
  const { id, text, choice } = event.data;
  const response: EditorTextCheckResponse = { id, check: checkEditorText(text, choice) };
  self.postMessage(response);
});
