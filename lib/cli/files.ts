/**
 * The `.tf` files under the paths the CLI is given: a file as it is, a
 * directory walked recursively (skipping `.terraform`, `.git`, `node_modules`,
 * as Terraform's module loader does not read them either). Sorted, each once.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SKIPPED_DIRS = new Set(['.terraform', '.git', 'node_modules']);

export class PathError extends Error {}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(full, out);
    } else if (entry.isFile() && entry.name.endsWith('.tf')) {
      out.push(full);
    }
  }
}

/** Every `.tf` file under `paths`; a path that does not exist is a PathError. */
export function terraformFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const given of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(given);
    } catch {
      throw new PathError(`${given}: no such file or directory`);
    }
    if (stat.isDirectory()) walk(given, out);
    else out.push(given);
  }
  return [...new Set(out.map((f) => path.normalize(f)))].sort();
}
