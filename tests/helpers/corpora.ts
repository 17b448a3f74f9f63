/**
 * HashiCorp's HCL corpora (`../shared/corpora/`, beside the repository; see
 * its README): where they are, `terraform fmt`'s verdict per file, and a file
 * read as the app reads text. Absent on a fresh clone: tests that use them
 * skip, saying so (`corporaPresent`, `warnSkipped`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { present } from './present';

export const CORPORA = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpora');
const VERDICTS = path.join(CORPORA, 'terraform-fmt-verdicts.tsv');

export const corporaPresent = existsSync(VERDICTS);

/** Says which tests are skipped and why, when the corpora are absent. */
export function warnSkipped(what: string): void {
  if (!corporaPresent)
    console.warn(`${what} skipped: ${VERDICTS} is absent (they need ../shared/corpora beside the repository).`);
}

export interface Verdict {
  /** Path relative to the corpora folder. */
  file: string;
  /** `terraform fmt` exits 0: Terraform's parser accepts the file. */
  accepted: boolean;
  /** `terraform fmt` leaves its bytes unchanged. */
  clean: boolean;
}

export function verdicts(): Verdict[] {
  return readFileSync(VERDICTS, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t'))
    .map(([file, rc, clean]) => ({
      file: present(file, 'a file name in the verdicts'),
      accepted: rc === '0',
      clean: clean === '1',
    }));
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A corpus file's text; null when it is not UTF-8 (Terraform rejects that too). */
export function readCorpusFile(file: string): string | null {
  try {
    return decoder.decode(readFileSync(path.join(CORPORA, file)));
  } catch {
    return null;
  }
}
