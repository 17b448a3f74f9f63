#!/usr/bin/env node
/**
 * `npx connector-studio check [paths…]` (lib/cli/main.ts).
 *
 * Starts fast: the TypeScript sources are bundled once with esbuild (tsx's
 * own compiler, installed with it) into node_modules/.cache/connector-studio,
 * and rebuilt when any file the bundle was made from changed since. Without
 * esbuild or a writable cache the sources run through tsx's loader instead
 * (the same code, a slower start).
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const entry = path.join(root, 'lib', 'cli', 'main.ts');
const tsconfig = path.join(root, 'tsconfig.json');
const cacheDir = path.join(root, 'node_modules', '.cache', 'connector-studio');
const bundle = path.join(cacheDir, 'cli.cjs');
const manifest = path.join(cacheDir, 'cli.inputs.json');

/** The bundle is current when no file it was made from changed after the build started. */
function bundleIsCurrent() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(manifest, 'utf8'));
    statSync(bundle);
    return inputs.every((file) => statSync(path.join(root, file)).mtimeMs < builtAt);
  } catch {
    return false;
  }
}

function buildBundle() {
  const esbuild = require('esbuild');
  const builtAt = Date.now();
  const temporary = `${bundle}.${process.pid}.tmp`;
  mkdirSync(cacheDir, { recursive: true });
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    tsconfig,
    outfile: temporary,
    metafile: true,
    logLevel: 'error',
  });
  // Renames are atomic: two first runs at once each write their own file, the last one stays.
  renameSync(temporary, bundle);
  writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify({ builtAt, inputs: [...Object.keys(result.metafile.inputs), 'tsconfig.json'] }));
  renameSync(`${manifest}.${process.pid}.tmp`, manifest);
}

function loadCli() {
  try {
    if (!bundleIsCurrent()) buildBundle();
    return require(bundle);
  } catch {
    process.env.TSX_TSCONFIG_PATH = tsconfig;
    require('tsx/cjs/api').register();
    return require(entry);
  }
}

const { run } = loadCli();
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const write = (stream) => (text) => stream.write(text);
try {
  process.exitCode = await run(process.argv.slice(2), { stdout: write(process.stdout), stderr: write(process.stderr), env: process.env, version });
} catch (err) {
  process.stderr.write(`connector-studio: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 2;
}
