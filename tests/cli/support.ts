/** Runs the CLI as a user would: `node bin/connector-studio.mjs …`, in its own process. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { at } from '../helpers/present';

export const BIN = path.resolve(__dirname, '..', '..', 'bin', 'connector-studio.mjs');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Asynchronous, so a test's own servers (an app-caller proxy) keep answering meanwhile. */
export function runCli(args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: opts.cwd, env: { ...process.env, ...opts.env }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const status = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ status, stdout, stderr, ms: performance.now() - started });
      },
    );
  });
}

/** 1-based number of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line contains ${needle}`);
  return index + 1;
}

/** `line:column` (1-based) of `value` on the first line of `text` containing `needle`. */
export function positionOf(text: string, needle: string, value: string): string {
  const line = lineOf(text, needle);
  return `${line}:${at(text.split('\n'), line - 1).indexOf(value) + 1}`;
}
