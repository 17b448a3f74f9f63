// `npm run serve` / `npm start`: starts the production server. Without sign-in
// (local mode) it listens on 127.0.0.1 only, so nobody else on the network can
// reach the local operator; with OIDC configured, or an explicit HOST, it
// listens where told (default all interfaces). The server itself refuses
// unsafe configurations at start (instrumentation.ts).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next');
const port = process.env.PORT || '3000';
const oidc = Boolean(process.env.OIDC_ISSUER?.trim());
const host = process.env.HOST?.trim() || (oidc ? '0.0.0.0' : '127.0.0.1');
if (!oidc && !process.env.HOST?.trim()) console.log(`Local mode (no OIDC_ISSUER): listening on ${host} only`);

const child = spawn(process.execPath, [nextBin, 'start', '-p', port, '-H', host], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
