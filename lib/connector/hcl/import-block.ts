/**
 * Terraform `import` blocks (Terraform ≥ 1.5): written next to an exported
 * connector so `terraform plan` adopts the live connector into state instead
 * of creating a second one.
 */
import { RESOURCE_TYPE, resourceLabel } from './render';
import { quoteHclString } from './strings';
import { trimCharEnd } from '@/lib/util/trim';

/** `import { to = alkira_connector_azure_expressroute.<label>  id = "<id>" }`, formatted as terraform fmt does. */
export function renderImportBlock(resourceName: string, id: string | number): string {
  return `import {\n  to = ${RESOURCE_TYPE}.${resourceLabel(resourceName)}\n  id = ${quoteHclString(String(id))}\n}\n`;
}

/** The connector's HCL followed by its import block, separated by one blank line. */
export function withImportBlock(connectorHcl: string, resourceName: string, id: string | number): string {
  return `${trimCharEnd(connectorHcl, '\n') + '\n'}\n${renderImportBlock(resourceName, id)}`;
}
