/** Provision states as the Alkira API reports them, and what they mean for polling. */

export const TERMINAL_STATES = ['SUCCESS', 'FAILED', 'PARTIAL_SUCCESS'] as const;
export const RUNNING_STATES = ['PENDING', 'IN_PROGRESS'] as const;

/** The states a user can filter by, in lifecycle order. */
export const KNOWN_STATES = ['PENDING', 'IN_PROGRESS', 'SUCCESS', 'PARTIAL_SUCCESS', 'FAILED'] as const;

/**
 * True when nothing more will happen without a new change. `null` means the
 * object has no provision request at all. Per the API, any value other than
 * SUCCESS/FAILED/PARTIAL_SUCCESS means the request is still running.
 */
export function isTerminalState(state: string | null | undefined): boolean {
  if (state === null || state === undefined || state === '') return true;
  return (TERMINAL_STATES as readonly string[]).includes(state);
}

/** How often to poll while something is provisioning (ms). */
export const PROVISION_POLL_MS = 1500;
