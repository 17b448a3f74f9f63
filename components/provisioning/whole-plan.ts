/**
 * Plans for a connector as a whole, where there is nothing to compare: a new
 * connector (every set attribute `+` created) and a connector being deleted
 * (every attribute it has `-` destroyed). Changes of an existing connector
 * come from the server's plan (`POST /api/connectors/{id}/plan`), never from here.
 * Sensitive values are printed as `(sensitive)` by the change list.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import type { ConnectorPlan, DesignChange } from '@/lib/client/workspace-api';

function setEntries(design: ConnectorDesign): [string, unknown][] {
  return Object.entries(design).filter(
    ([key, value]) =>
      key !== 'resource_name' && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
  );
}

/** A connector that does not exist yet: every set attribute is created. */
export function createPlan(design: ConnectorDesign): ConnectorPlan {
  const changes: DesignChange[] = setEntries(design).map(([path, after]) => ({ path, action: 'create', after }));
  return { changes, summary: { add: 1, change: 0, destroy: 0, text: 'Plan: 1 to add, 0 to change, 0 to destroy.' } };
}

/** A connector about to be deleted: every attribute it has is destroyed. */
export function destroyPlan(design: ConnectorDesign): ConnectorPlan {
  const changes: DesignChange[] = setEntries(design).map(([path, before]) => ({ path, action: 'delete', before }));
  return { changes, summary: { add: 0, change: 0, destroy: 1, text: 'Plan: 0 to add, 0 to change, 1 to destroy.' } };
}
