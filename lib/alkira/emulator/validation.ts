/**
 * Service-side validation of a connector body, in three passes, all reported
 * together as one 400: the JSON shape (zod; wrong types never reach the
 * handlers), the design rules (`validateDesign` on the equivalent design, with
 * design paths mapped back to API field names), and references to the tenant
 * catalog (segments, credentials, group, billing tags, CXP, tunnel profiles).
 */
import { z } from 'zod';
import { CONNECTOR_SIZES, TUNNEL_PROTOCOLS } from '@/lib/connector/design';
import { API_NAME_OF, RESOURCE_LABEL } from '@/lib/connector/resource';
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import { alkiraConnectorToDesign } from '@/lib/connector/mapping';
import { validateDesign } from '@/lib/connector/validate';
import { catalogList } from './store';

export interface FieldIssue {
  field: string;
  message: string;
}

const required = (what: string) => z.string().min(1, `${what} is required`);

const tunnelSchema = z.object({
  name: required('tunnel name'),
  initiator: z.boolean().default(true),
  profileId: z.number().int().optional(),
  ikeVersion: z.string().optional(),
  preSharedKey: z.string().optional(),
  remoteAuthType: z.string().optional(),
  remoteAuthValue: z.string().optional(),
});

const instanceSchema = z.object({
  id: z.number().int().optional(),
  name: required('instance name'),
  expressRouteCircuitId: required('expressRouteCircuitId'),
  redundantRouter: z.boolean().default(false),
  loopbackSubnet: required('loopbackSubnet'),
  credentialId: required('credentialId'),
  gatewayMacAddresses: z.array(z.string()).optional(),
  vnis: z.array(z.number().int()).optional(),
  segmentOptions: z
    .array(
      z.object({
        segmentName: required('segmentName'),
        customerGateways: z.array(
          z.object({ name: required('customer gateway name'), tunnels: z.array(tunnelSchema).min(1, 'at least one tunnel is required') }),
        ).min(1, 'at least one customer gateway is required'),
      }),
    )
    .optional(),
});

export const connectorSchema = z.object({
  name: required('name'),
  description: z.string().optional(),
  size: z.enum(CONNECTOR_SIZES),
  enabled: z.boolean().default(true),
  vhubPrefix: required('vhubPrefix'),
  tunnelProtocol: z.enum(TUNNEL_PROTOCOLS).default('VXLAN_GPE'),
  cxp: required('cxp'),
  group: z.string().optional(),
  billingTags: z.array(z.number().int()).default([]),
  instances: z.array(instanceSchema).min(1, 'at least one instance is required'),
  segmentOptions: z
    .array(
      z.object({
        segmentName: required('segmentName'),
        customerAsn: z.number().int(),
        disableInternetExit: z.boolean().default(true),
        advertiseOnPremRoutes: z.boolean().default(false),
      }),
    )
    .min(1, 'at least one segment option is required'),
});

export type ConnectorInput = z.infer<typeof connectorSchema>;

function formatPath(path: ReadonlyArray<PropertyKey>): string {
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

function shapeIssues(body: unknown): { input?: ConnectorInput; issues: FieldIssue[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { issues: [{ field: '(body)', message: 'expected a JSON object' }] };
  }
  const parsed = connectorSchema.safeParse(body);
  if (parsed.success) return { input: parsed.data, issues: [] };
  return {
    issues: parsed.error.issues.map((i) => ({
      field: formatPath(i.path),
      // zod says "expected string, received undefined" for a missing field; say it plainly.
      message: /received undefined$/.test(i.message) ? 'is required' : i.message,
    })),
  };
}

function referenceIssues(c: ConnectorInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const names = (kind: Parameters<typeof catalogList>[0]) => new Set(catalogList(kind).map((e) => e.name));
  const segments = names('segments');
  const checkSegment = (field: string, name: string) => {
    if (!segments.has(name)) issues.push({ field, message: `segment "${name}" does not exist in this tenant` });
  };
  c.segmentOptions.forEach((s, i) => checkSegment(`segmentOptions[${i}].segmentName`, s.segmentName));

  const cxp = catalogList('cxps').find((e) => e.name === c.cxp);
  if (!cxp) issues.push({ field: 'cxp', message: `CXP "${c.cxp}" does not exist` });
  else if (cxp.body.provider !== 'AZURE') issues.push({ field: 'cxp', message: `CXP "${c.cxp}" is not an Azure CXP (provider ${String(cxp.body.provider)})` });

  if (c.group && !names('groups').has(c.group)) issues.push({ field: 'group', message: `group "${c.group}" does not exist` });

  const tagIds = new Set(catalogList('tags').map((e) => Number(e.key)));
  c.billingTags.forEach((t, i) => {
    if (!tagIds.has(t)) issues.push({ field: `billingTags[${i}]`, message: `billing tag ${t} does not exist` });
  });

  const credentials = new Map(catalogList('credentials').map((e) => [e.key, e.body]));
  const profiles = new Set(catalogList('ipsecTunnelProfiles').map((e) => Number(e.key)));
  c.instances.forEach((inst, i) => {
    const cred = credentials.get(inst.credentialId);
    if (!cred) issues.push({ field: `instances[${i}].credentialId`, message: `credential "${inst.credentialId}" does not exist` });
    else if (cred.credentialType !== 'azurevnet') {
      issues.push({ field: `instances[${i}].credentialId`, message: `credential "${inst.credentialId}" is of type ${String(cred.credentialType)}, not azurevnet` });
    }
    inst.segmentOptions?.forEach((so, j) => {
      checkSegment(`instances[${i}].segmentOptions[${j}].segmentName`, so.segmentName);
      so.customerGateways.forEach((g, k) =>
        g.tunnels.forEach((t, l) => {
          if (t.profileId !== undefined && !profiles.has(t.profileId)) {
            issues.push({
              field: `instances[${i}].segmentOptions[${j}].customerGateways[${k}].tunnels[${l}].profileId`,
              message: `IPsec tunnel profile ${t.profileId} does not exist`,
            });
          }
        }),
      );
    });
  });
  return issues;
}

function designIssues(c: ConnectorInput): FieldIssue[] {
  // Segment names stand in for segment ids, so the rules' messages name segments as the API does.
  const design = alkiraConnectorToDesign(c as AlkiraConnector);
  const result = validateDesign(design);
  return result.errors.map((e) => ({ field: designPathToApiField(e.path), message: e.message }));
}

/** The validated connector input, or the list of problems (each naming its API field). */
export function validateConnectorBody(body: unknown): { input: ConnectorInput; issues: [] } | { input?: undefined; issues: FieldIssue[] } {
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
