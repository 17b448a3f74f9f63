/** A module's files as one .zip (fflate, pure JS); fixed timestamps so the same module zips to the same bytes. */
import { strToU8, zipSync, type Zippable } from 'fflate';

const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

export function zipFiles(files: Record<string, string>, folder = ''): Uint8Array {
  const entries: Zippable = {};
  for (const [name, text] of Object.entries(files))
    entries[folder ? `${folder}/${name}` : name] = [strToU8(text), { mtime: FIXED_TIME }];
  return zipSync(entries, { level: 6 });
}
