// STUB — to be replaced by the HCL renderer.
import type { ConnectorDesign, HclRenderOptions } from '../design';

export function renderConnectorHcl(design: ConnectorDesign, _options: HclRenderOptions = {}): string {
  return `resource "alkira_connector_azure_expressroute" "${design.resource_name}" {\n}\n`;
}
