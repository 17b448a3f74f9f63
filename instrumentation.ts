/**
 * Server start-up, Node.js runtime only: answer methods Next cannot route
 * (TRACE, unknown verbs) with a proper 405; settle what a crash left open
 * (creates whose result was not recorded, provision requests still PENDING or
 * IN_PROGRESS in the app's history) and keep doing so every few seconds; with
 * CONNECTOR_STUDIO_DIAGNOSTICS=1, measure event-loop delay.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installNodeGuard } = await import('@/lib/http/node-guard');
  installNodeGuard();
  const { startReconciler } = await import('@/lib/alkira/reconciler');
  startReconciler();
  const { diagnosticsEnabled, startEventLoopMonitor } = await import('@/lib/diagnostics/event-loop');
  if (diagnosticsEnabled()) startEventLoopMonitor();
}
