/**
 * The declared layering of the source tree, as data: which top-level folder may import which. The test
 * (layers.test.ts) checks the real imports against it; a new folder fails until it has a row here.
 */

/**
 * Folder → the folders its files may import (its own files always). Read bottom-up: each row names only rows
 * above it, so no cycle between folders is possible while the imports keep to the table.
 */
export const ALLOWED_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  // General helpers: records, closest name, trimming, log-safe text, seeded random, zod's jitless switch.
  'lib/util': [],
  // The HCL engine (scanner, parser, incremental edits, highlighting): knows nothing of connectors.
  'lib/hcl': ['lib/util'],
  // The pure domain: the connector design, its rules, mapping, HCL rendering/import, diff/merge.
  'lib/connector': ['lib/hcl', 'lib/util'],
  'lib/diagram': ['lib/connector', 'lib/util'],
  'lib/cli': ['lib/connector', 'lib/hcl', 'lib/util'],
  'lib/diagnostics': ['lib/util'],
  // The workspace store (Kysely over SQLite or PostgreSQL), the audit log's rows, the cluster bus.
  'lib/store': ['lib/connector', 'lib/contract', 'lib/util'],
  // HTTP primitives: the error shape (ApiError), bodies, limits, origin checks, security headers.
  'lib/http': ['lib/connector', 'lib/contract', 'lib/store', 'lib/util'],
  'lib/auth': ['lib/http', 'lib/store', 'lib/util'],
  // One zod schema per route's request and response (issue 21, item 1): shapes only, used by both sides.
  'lib/contract': ['lib/connector', 'lib/util'],
  // Browser-side: typed API calls through the contract, hooks, the viewer's roles.
  'lib/client': ['lib/auth', 'lib/connector', 'lib/contract', 'lib/util'],
  // The embedded Alkira emulator: an HTTP server of its own; it knows nothing of the app that calls it.
  'lib/emulator': ['lib/connector', 'lib/contract', 'lib/http', 'lib/store', 'lib/util'],
  // The Alkira REST client: HTTP calls and their request/response mapping (the emulator is one transport).
  'lib/alkira': ['lib/connector', 'lib/contract', 'lib/emulator', 'lib/util'],
  // The audit trail's attempt and rows; never the services or the client that produce the changes.
  'lib/audit': ['lib/auth', 'lib/connector', 'lib/store', 'lib/util'],
  'lib/hcl-server': ['lib/auth', 'lib/connector', 'lib/http', 'lib/util'],
  'lib/design-server': ['lib/connector', 'lib/contract', 'lib/http', 'lib/util'],
  // Provisioning, reconciling, caches, watchers, the summary, the workspace; the ones that record audit rows.
  'lib/services': [
    'lib/alkira',
    'lib/audit',
    'lib/connector',
    'lib/contract',
    'lib/emulator',
    'lib/hcl',
    'lib/http',
    'lib/store',
    'lib/util',
  ],
  // What every API route handler is wrapped in: errors to answers, roles, origin checks, the route table.
  'lib/route': [
    'lib/alkira',
    'lib/auth',
    'lib/connector',
    'lib/contract',
    'lib/hcl-server',
    'lib/http',
    'lib/services',
    'lib/store',
    'lib/util',
  ],
  // React components; the few server-side helpers among them are marked `import 'server-only'`.
  components: [
    'lib/alkira',
    'lib/auth',
    'lib/client',
    'lib/connector',
    'lib/contract',
    'lib/diagram',
    'lib/hcl',
    'lib/services',
    'lib/util',
  ],
  // Pages and thin route handlers: anything below them.
  app: [
    'components',
    'lib/alkira',
    'lib/audit',
    'lib/auth',
    'lib/client',
    'lib/connector',
    'lib/contract',
    'lib/design-server',
    'lib/diagnostics',
    'lib/emulator',
    'lib/hcl-server',
    'lib/http',
    'lib/route',
    'lib/services',
    'lib/store',
    'lib/util',
  ],
  // Benchmarks, demo and load scripts: they drive the app from outside, so they may use any layer.
  scripts: [
    'components',
    'lib/connector',
    'lib/emulator',
    'lib/hcl',
    'lib/store',
    'lib/util',
    'playwright.config.ts',
    'tests',
  ],
};

/** Imported by the scanned folders but not scanned themselves (test helpers the scripts reuse, the E2E config). */
export const UNSCANNED: readonly string[] = ['tests', 'playwright.config.ts'];

/** Folders whose every file runs only on the server, marked or not: no component bundle may reach one. */
export const SERVER_FOLDERS: readonly string[] = [
  'lib/alkira',
  'lib/audit',
  'lib/emulator',
  'lib/route',
  'lib/services',
  'lib/store',
];

/** The folder a file belongs to in the table: `lib/<folder>` under lib/, else its first segment (or the file). */
export function layerOf(file: string): string {
  const segments = file.split('/');
  if (segments.length === 1) return file;
  if (segments[0] === 'lib' && segments.length > 2) return `lib/${segments[1]}`;
  return segments[0] as string;
}
