/**
 * Every answer an API test receives, checked against the route's contract (lib/contract): a status the contract
 * does not list (other than an error), or a body its schema does not accept, fails the test that received it.
 */
import { contractFor, errorBodySchema } from '@/lib/contract';

function problem(method: string, path: string, status: number, detail: string): Error {
  return new Error(`${method} ${path} answered ${status}, which breaks its contract (lib/contract): ${detail}`);
}

/** Throws when the answer does not match the contract of the route that gave it; API paths only. */
export function checkAnswerAgainstContract(
  method: string,
  path: string,
  status: number,
  contentType: string | null,
  body: unknown,
): void {
  const pathname = new URL(path, 'http://contract.check').pathname;
  if (!pathname.startsWith('/api/')) return;
  const isJson = (contentType ?? '').toLowerCase().startsWith('application/json');
  const route = contractFor(method, pathname);
  const spec = route?.responses[status];
  if (!route || !spec) {
    // Any refusal (unknown route or method, not signed in, too large, ...) is the common error shape.
    if (status >= 400) {
      if (!isJson)
        throw problem(
          method,
          path,
          status,
          `an error answer must be JSON { error }, got ${contentType ?? 'no content type'}`,
        );
      const result = errorBodySchema.safeParse(body);
      if (!result.success)
        throw problem(method, path, status, `the error body ${result.error.issues[0]?.message ?? ''}`);
      return;
    }
    if (route)
      throw problem(method, path, status, `the contract lists ${Object.keys(route.responses).join(', ')} only`);
    return; // OPTIONS (204 with Allow) has no contract
  }
  if (method.toUpperCase() === 'HEAD' || !spec.schema) return;
  if (!isJson) throw problem(method, path, status, `expected JSON, got ${contentType ?? 'no content type'}`);
  const result = spec.schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw problem(
      method,
      path,
      status,
      `at ${issue?.path.join('.') || 'the body'}: ${issue?.message ?? 'wrong shape'}`,
    );
  }
}
