/**
 * Which operations the API reference's "Try it out" may send: those the route
 * policy (lib/auth/policy-table.ts) lets anyone signed in do, because they only
 * read or compute — lists, catalogs, validate, render HCL, parse, plan, diff.
 * Writes (saving, restoring or importing designs; creating, changing,
 * provisioning or deleting connectors) are not sent from the reference: in
 * the app every write goes through a plan the user confirms, and a button in
 * the documentation would be a second, plan-less way to change the tenant.
 * The same line the server draws for CSRF (lib/http/routes.ts: more than
 * `view`/`public` changes data).
 */
import { API_POLICY } from '@/lib/auth/policy-table';
import { operationKey } from './operation-key';

/**
 * Reads whose answer is not something the reference can show: sign-in and
 * sign-out leave the page for the identity provider (and would end the
 * session), and the event stream never ends.
 */
const NOT_FROM_THE_REFERENCE = new Set([
  '/api/auth/login',
  '/api/auth/callback',
  '/api/auth/logout',
  '/api/connectors/events',
]);

/** Operation keys (see operationKey) that "Try it out" may send. */
export function readOnlyOperations(): string[] {
  const keys: string[] = [];
  for (const [path, methods] of Object.entries(API_POLICY)) {
    if (NOT_FROM_THE_REFERENCE.has(path)) continue;
    for (const [method, access] of Object.entries(methods)) {
      if (access !== 'view' && access !== 'public') continue;
      keys.push(operationKey(method, path));
      // The server answers HEAD as GET (same rule).
      if (method === 'GET') keys.push(operationKey('HEAD', path));
    }
  }
  return keys.sort();
}
