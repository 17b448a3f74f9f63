/**
 * Imported first by every module whose zod schemas run in the browser: the page's CSP forbids eval (in its
 * workers too), so zod's compiled parsers would be refused anyway, and its `new Function` probe — made at the
 * first object parse, whichever module makes it — is reported as a violation.
 */
import { z } from 'zod';

if (
  typeof window !== 'undefined' ||
  typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined'
)
  z.config({ jitless: true });
