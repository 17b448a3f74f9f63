/**
 * Maps a connector design (Terraform shape, snake_case) to the Alkira REST JSON
 * (camelCase) and back. Pure: references that need the tenant (segment id ↔
 * name) are resolved through lookups the caller passes in, as the provider
 * does with its segment GETs.
 *
 * Every attribute is mapped by the walk over the resource description
 * (./api-walk); this file adds only what is not an attribute: the effective
 * tunnel protocol, the lookups, the HCL resource label, and the checks that
 * type the walk's output.
 */
import type { AlkiraConnector } from './alkira-types';
import { conformsToApiBody, resourceMapper } from './api-walk';
import { effectiveTunnelProtocol, type ConnectorDesign } from './design';
import { CONNECTOR_RESOURCE, RESOURCE_LABEL } from './resource';
import { isConnectorDesign } from './schema';
import { trimChar, trimCharEnd } from '@/lib/util/trim';

export interface DesignToAlkiraLookups {
  /** Segment id (or expression) → segment name; undefined when unknown. */
  segmentName?: (segmentId: string) => string | undefined;
  /** What a stored secret is shown as in a preview; without it, a stored secret is left out of the body. */
  storedSecret?: string;
}

export interface AlkiraToDesignLookups {
  /** Segment name → segment id; undefined when unknown. */
  segmentId?: (segmentName: string) => string | undefined;
  /** The HCL label to give the design; defaults to one derived from the connector name. */
  resourceName?: string;
}

const connectorMapper = resourceMapper(CONNECTOR_RESOURCE);

/** A mapped body: settable numbers are numbers, or (unresolved designs) the text as written. */
const isAlkiraNumber = (value: unknown): boolean => typeof value === 'number' || typeof value === 'string';

function isAlkiraConnector(value: unknown): value is AlkiraConnector {
  return conformsToApiBody(CONNECTOR_RESOURCE, value, isAlkiraNumber);
}

/** The Alkira API request body a design maps to. */
export function designToAlkiraConnector(design: ConnectorDesign, lookups: DesignToAlkiraLookups = {}): AlkiraConnector {
  const body = connectorMapper.toApi(design, {
    protocol: effectiveTunnelProtocol(design),
    // An id the tenant does not know is sent as written (the preview shows it; resolveDesign refuses it).
    segmentName: (id) => lookups.segmentName?.(id) ?? id,
    storedSecret: lookups.storedSecret,
  });
  if (!isAlkiraConnector(body)) throw new Error('The mapped connector does not have the shape of the Alkira API');
  return body;
}

/** A Terraform identifier derived from a connector name (the HCL resource label). */
export function resourceNameFor(name: string): string {
  let id = trimChar(
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '_'),
    '_',
  );
  if (!/^[a-z_]/.test(id)) id = 'connector_' + id;
  return trimCharEnd(id, '_') || 'connector';
}

/** The design a live Alkira connector corresponds to (so the designer can edit it). */
export function alkiraConnectorToDesign(conn: AlkiraConnector, lookups: AlkiraToDesignLookups = {}): ConnectorDesign {
  const design = {
    // Not an attribute: the HCL label is the designer's; the API has none.
    [RESOURCE_LABEL.key]: lookups.resourceName ?? resourceNameFor(conn.name),
    ...connectorMapper.toDesign(conn, { segmentId: (name) => lookups.segmentId?.(name) ?? name }),
  };
  if (!isConnectorDesign(design)) throw new Error('The Alkira connector does not have the shape of the resource');
  return design;
}
