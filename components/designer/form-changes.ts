/**
 * Every change of a form value, by name, for the designer's document — without a copy of the values.
 *
 * RHF's `watch(callback)` registers a subscriber to all values, and RHF then deep-clones the whole form on every
 * keystroke to hand it over (milliseconds per key on the 640-tunnel design); the document reads the values it
 * needs itself. This listens to the same subject RHF's own hooks listen to.
 */
import type { Control } from 'react-hook-form';
import type { ConnectorDesign } from '@/lib/connector/design';

export function subscribeToValueChanges(
  control: Control<ConnectorDesign>,
  onChange: (name: string | undefined) => void,
): () => void {
  const { unsubscribe } = control._subjects.state.subscribe({
    next: (payload) => {
      // A value change carries the event's type (typing in a field) or the values key (setValue, a list action);
      // the other payloads are form state (errors, dirty and touched fields).
      if ('type' in payload || 'values' in payload) onChange(payload.name);
    },
  });
  return unsubscribe;
}
