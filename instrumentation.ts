/**
 * Runs once when the server starts: refuses to serve a configuration that
 * would expose a real tenant without sign-in, or a half-configured sign-in
 * (see `startupProblem`), with the reason on stderr and exit code 1.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startupProblem } = await import('@/lib/auth/config');
  const problem = startupProblem(process.env);
  if (problem) {
    console.error(`Connector Studio will not start: ${problem}`);
    process.exit(1);
  }
}
