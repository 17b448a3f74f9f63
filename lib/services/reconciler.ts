import 'server-only';
/**
 * The background loop around `reconcile`: one round every few seconds, never
 * two at once, quiet when the upstream is unavailable (the next round retries).
 */
import { AlkiraApi } from '@/lib/alkira/api';
import { reconcileShared } from './reconcile';

const INTERVAL_MS = Number(process.env.CONNECTOR_STUDIO_RECONCILE_MS) || 3000;

export function startReconciler(): void {
  let busy = false;
  const round = async () => {
    if (busy) return;
    busy = true;
    try {
      await reconcileShared(AlkiraApi.fromEnv(), 0);
    } catch {
      // Configuration or upstream trouble: the routes report it; try again next round.
    } finally {
      busy = false;
    }
  };
  setInterval(() => void round(), INTERVAL_MS).unref();
  void round();
}
