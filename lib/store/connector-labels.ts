/**
 * The Terraform resource label each connector was designed with. The Alkira
 * API has no field for it, so without this record a connector read back (edit,
 * export) would get a label derived from its name (`ha-expressroute` instead
 * of the designed `ha_config`), breaking the user's existing state addresses.
 * Keyed by backend (`AlkiraConfig.backendKey`) like the provision history;
 * SQLite or PostgreSQL, as the rest of the store.
 */
import { getDb } from './db';

/** Remembers the label a connector was provisioned with (a blank label is not worth keeping). */
export async function saveConnectorLabel(
  backend: string,
  connectorId: number,
  resourceName: string | undefined,
): Promise<void> {
  const label = (resourceName ?? '').trim();
  if (!label) return;
  const db = await getDb();
  await db
    .insertInto('connector_labels')
    .values({ backend, connector_id: connectorId, resource_name: label })
    .onConflict((oc) => oc.columns(['backend', 'connector_id']).doUpdateSet({ resource_name: label }))
    .execute();
}

/** The designed label, or undefined for a connector this app did not provision. */
export async function connectorLabel(backend: string, connectorId: number): Promise<string | undefined> {
  const db = await getDb();
  const row = await db
    .selectFrom('connector_labels')
    .select('resource_name')
    .where('backend', '=', backend)
    .where('connector_id', '=', connectorId)
    .executeTakeFirst();
  return row?.resource_name;
}

export async function forgetConnectorLabel(backend: string, connectorId: number): Promise<void> {
  const db = await getDb();
  await db
    .deleteFrom('connector_labels')
    .where('backend', '=', backend)
    .where('connector_id', '=', connectorId)
    .execute();
}
