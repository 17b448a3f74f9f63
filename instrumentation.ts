/**
 * Runs once when the server starts: refuses to serve a configuration that
 * would expose a real tenant without sign-in, or a half-configured sign-in
 * (see `startupProblem` in lib/auth/config.ts), with the reason on stderr.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { refuseUnsafeStart } = await import('@/lib/auth/startup');
  refuseUnsafeStart();
}
