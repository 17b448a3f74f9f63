/**
 * Service-side validation of a connector body, in three passes, all reported
 * together as one 400: the JSON shape (zod; wrong types never reach the
 * handlers), the design rules (`validateDesign` on the equivalent design, with
 * design paths mapped back to API field names), and references to the tenant
 * catalog (segments, credentials, group, billing tags, CXP, tunnel profiles).
 */
import { apiReferences, apiRequestSchema, parseApiBody, type ApiPath } from '@/lib/connector/api-schema';
import { conformsToApiBody } from '@/lib/connector/api-walk';
import { API_NAME_OF, CONNECTOR_RESOURCE, RESOURCE_LABEL, type ReferenceKind } from '@/lib/connector/resource';
import type { CheckedAlkiraConnector } from '@/lib/connector/alkira-types';
import { alkiraConnectorToDesign } from '@/lib/connector/mapping';
import { validateDesign } from '@/lib/connector/validate';
import { catalogList } from './store';

export interface FieldIssue {
  field: string;
  message: string;
}

/** The request body schema, derived from the resource description (lib/connector/api-schema.ts). */
export const connectorSchema = apiRequestSchema(CONNECTOR_RESOURCE);

/** Fields the emulator adds to the connectors it shows (handlers/connectors.ts `connectorJson`): read-only, ignored in a request. */
export const RESPONSE_ONLY_FIELDS: ReadonlySet<string> = new Set(['provisionState', 'markedForDeletion']);

function isCheckedConnector(value: unknown): value is CheckedAlkiraConnector {
  return conformsToApiBody(CONNECTOR_RESOURCE, value, (entry) => typeof entry === 'number');
}

function formatPath(path: ApiPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + String(part);
  }
  return out || '(body)';
}

/** Design name → API name, from the resource description. The API has no resource label; it is derived from the name. */
function apiNameOf(designName: string): string {
  return designName === RESOURCE_LABEL.key ? 'name' : (API_NAME_OF.get(designName) ?? designName);
}

/** `instances.0.loopback_subnet` → `instances[0].loopbackSubnet`. */
export function designPathToApiField(path: string): string {
  return formatPath(
    path
      .split('.')
      .filter((p) => p !== '')
      .map((p) => (/^\d+$/.test(p) ? Number(p) : apiNameOf(p))),
  );
}

function shapeIssues(body: unknown): { input?: CheckedAlkiraConnector; issues: FieldIssue[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { issues: [{ field: '(body)', message: 'expected a JSON object' }] };
  }
  // What the emulator adds to a connector it shows (not part of the resource): a GET sent back as is stays valid.
  const request = Object.fromEntries(Object.entries(body).filter(([key]) => !RESPONSE_ONLY_FIELDS.has(key)));
  const parsed = parseApiBody(connectorSchema, CONNECTOR_RESOURCE, request);
  if (!parsed.ok) return { issues: parsed.issues.map((i) => ({ field: formatPath(i.path), message: i.message })) };
  if (!isCheckedConnector(parsed.value))
    return { issues: [{ field: '(body)', message: 'does not have the shape of an Azure ExpressRoute connector' }] };
  return { input: parsed.value, issues: [] };
}

type Catalog = { has: (value: unknown) => string | undefined };

/** How each kind of reference is checked against the tenant catalog: undefined when it exists, else why not. */
function catalogs(): Record<ReferenceKind, Catalog> {
  const names = (kind: Parameters<typeof catalogList>[0]) => new Set(catalogList(kind).map((e) => e.name));
  const keys = (kind: Parameters<typeof catalogList>[0]) => new Set(catalogList(kind).map((e) => Number(e.key)));
  const segments = names('segments');
  const groups = names('groups');
  const tags = keys('tags');
  const profiles = keys('ipsecTunnelProfiles');
  const cxps = new Map(catalogList('cxps').map((e) => [e.name, e.body]));
  const credentials = new Map(catalogList('credentials').map((e) => [e.key, e.body]));
  return {
    segment: {
      has: (v) => (segments.has(String(v)) ? undefined : `segment "${String(v)}" does not exist in this tenant`),
    },
    group: { has: (v) => (groups.has(String(v)) ? undefined : `group "${String(v)}" does not exist`) },
    billing_tag: { has: (v) => (tags.has(Number(v)) ? undefined : `billing tag ${String(v)} does not exist`) },
    tunnel_profile: {
      has: (v) => (profiles.has(Number(v)) ? undefined : `IPsec tunnel profile ${String(v)} does not exist`),
    },
    cxp: {
      has: (v) => {
        const cxp = cxps.get(String(v));
        if (!cxp) return `CXP "${String(v)}" does not exist`;
        return cxp.provider === 'AZURE'
          ? undefined
          : `CXP "${String(v)}" is not an Azure CXP (provider ${String(cxp.provider)})`;
      },
    },
    credential: {
      has: (v) => {
        const cred = credentials.get(String(v));
        if (!cred) return `credential "${String(v)}" does not exist`;
        return cred.credentialType === 'azurevnet'
          ? undefined
          : `credential "${String(v)}" is of type ${String(cred.credentialType)}, not azurevnet`;
      },
    },
  };
}

/** Every reference the body makes (found through the description's reference kinds) that the tenant does not have. */
function referenceIssues(c: CheckedAlkiraConnector): FieldIssue[] {
  const byKind = catalogs();
  return apiReferences(CONNECTOR_RESOURCE, c).flatMap((ref) => {
    const problem = byKind[ref.kind].has(ref.value);
    return problem ? [{ field: formatPath(ref.path), message: problem }] : [];
  });
}

function designIssues(c: CheckedAlkiraConnector): FieldIssue[] {
  // Segment names stand in for segment ids, so the rules' messages name segments as the API does.
  const design = alkiraConnectorToDesign(c);
  const result = validateDesign(design);
  return result.errors.map((e) => ({ field: designPathToApiField(e.path), message: e.message }));
}

/** The validated connector input, or the list of problems (each naming its API field). */
export function validateConnectorBody(
  body: unknown,
): { input: CheckedAlkiraConnector; issues: [] } | { input?: undefined; issues: FieldIssue[] } {
  const shape = shapeIssues(body);
  if (!shape.input) return { issues: shape.issues };
  const issues = [...designIssues(shape.input), ...referenceIssues(shape.input)];
  // One finding per field and message: the design rules and reference checks may agree.
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${i.field}\u0000${i.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return unique.length ? { issues: unique } : { input: shape.input, issues: [] };
}

export function issuesMessage(issues: FieldIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('; ');
}
