/**
 * The provider's reference page for alkira_connector_azure_expressroute
 * (`shared/reference/` beside the repository, or beside the folder holding
 * its worktrees): its four `terraform` examples, as the user would copy
 * them. Absent on a fresh clone: tests that use them skip, saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { at } from './present';

const ROOT = path.resolve(__dirname, '..', '..');
const PAGE = 'shared/reference/alkira_connector_azure_expressroute.md';
const CANDIDATES = [path.resolve(ROOT, '..', PAGE), path.resolve(ROOT, '..', '..', PAGE)];

export const referencePage = CANDIDATES.find((p) => existsSync(p));

export function warnReferenceSkipped(what: string): void {
  if (!referencePage)
    console.warn(`${what} skipped: the reference page is absent (looked for ${CANDIDATES.join(' and ')}).`);
}

/** The page's ```terraform blocks, in order. */
export function referenceExamples(): string[] {
  if (!referencePage) throw new Error('the reference page is absent');
  return [...readFileSync(referencePage, 'utf8').matchAll(/```terraform\n([\s\S]*?)```/g)].map((m) => at(m, 1));
}
