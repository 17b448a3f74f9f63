'use client';
/**
 * A button's asynchronous action: whether it is running (to disable the button) and the message of its last failure.
 */
import { useCallback, useState } from 'react';
import { errorMessage } from './api';

export function useAsyncAction(describeError: (error: unknown) => string = errorMessage) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Runs `action`; true when it succeeded, false when it threw (its message is then `error`). */
  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (e) {
        setError(describeError(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [describeError],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
