/**
 * Runs once when the server starts (Node.js runtime only): refuses to serve a
 * configuration that would expose a real tenant without sign-in, or a
 * half-configured sign-in (see `startupProblem` in lib/auth/config.ts), or a
 * second process on a data folder that holds single-instance state (the
 * SQLite store, the embedded emulator: lib/store/instance-lock.ts), with the
 * reason on stderr; with PostgreSQL, listens to the other instances (their
 * live events, cache invalidations and sign-outs: lib/services/cluster-sync.ts); gives the HTTP server (scripts/server.mjs) the app's
 * answers for what it refuses before Next (methods Next cannot route, API
 * paths with dot segments); settles what a crash left open (creates whose
 * result was not recorded, provision requests still PENDING or IN_PROGRESS in
 * the app's history) and keeps doing so every few seconds; with
 * CONNECTOR_STUDIO_DIAGNOSTICS=1, measures event-loop delay.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { refuseUnsafeStart } = await import('@/lib/auth/startup');
  refuseUnsafeStart();
  const { refuseSecondInstance } = await import('@/lib/store/instance-lock');
  refuseSecondInstance();
  const { startClusterSync } = await import('@/lib/services/cluster-sync');
  const { followClusterStreams } = await import('@/lib/http/open-streams');
  followClusterStreams();
  // Listening before serving, so no event is missed; a database that does not answer yet delays the start by 5 s at most.
  await Promise.race([startClusterSync(), new Promise((r) => setTimeout(r, 5000).unref())]);
  const { registerServerAnswers } = await import('@/lib/route/server-answers');
  registerServerAnswers();
  const { startReconciler } = await import('@/lib/services/reconciler');
  startReconciler();
  const { diagnosticsEnabled, startEventLoopMonitor } = await import('@/lib/diagnostics/event-loop');
  if (diagnosticsEnabled()) startEventLoopMonitor();
}
