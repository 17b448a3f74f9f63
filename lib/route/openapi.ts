/**
 * The OpenAPI 3.1 document of the HTTP API, built from the contract (./index.ts) with zod's JSON Schema output:
 * every route and method, its path and query parameters, body, answers per status, the error shape, and the
 * roles it needs (`x-roles`, and a line of the description). Shared shapes (those with a zod `id`) become
 * `components.schemas`.
 */
import { z } from 'zod';
import { API_POLICY, type Access } from '@/lib/auth/policy-table';
import { can, ROLES } from '@/lib/auth/roles';
import { API_CONTRACT, appRouterPath, errorBodySchema, type RouteContract } from '@/lib/contract';
import { designShapeSchema } from '@/lib/connector/schema';
import { CONNECTOR_RESOURCE } from '@/lib/connector/resource/azure-expressroute';

type JsonSchema = Record<string, unknown>;

export interface OpenApiOptions {
  /** The session cookie's name: the security scheme of every route that needs sign-in. */
  sessionCookie: string;
  version: string;
}

/** The access policy's rule for a route (lib/auth/policy-table.ts); a route it lacks is refused there, and here. */
export function accessOf(route: Pick<RouteContract, 'method' | 'path'>): Access {
  const access = API_POLICY[appRouterPath(route.path)]?.[route.method];
  if (!access) throw new Error(`No access rule for ${route.method} ${route.path} in lib/auth/policy-table.ts`);
  return access;
}

/** The roles that may call a route ([] for public routes: no sign-in needed). */
export function rolesFor(access: Access): string[] {
  return access === 'public' ? [] : ROLES.filter((role) => can(role, access));
}

function accessLine(access: Access): string {
  if (access === 'public') return 'Access: public (no sign-in needed).';
  return `Access: ${rolesFor(access).join(', ')} (permission \`${access}\`).`;
}

/** zod → JSON Schema, its `$defs` moved into `components` (renamed `<id>Input` when the input side differs). */
class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const {
      $schema: _dialect,
      $defs,
      ...json
    } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    const renames = new Map<string, string>();
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value === null || typeof value !== 'object') return value;
      const out: JsonSchema = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] =
          k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
            ? `#/components/schemas/${renames.get(v.slice(8)) ?? v.slice(8)}`
            : rewrite(v);
      }
      return out;
    };
    const defs = Object.entries(($defs ?? {}) as Record<string, JsonSchema>);
    // Same id, same schema: one component. The input side of a shape that differs from its output gets its own name.
    for (const [id, def] of defs) {
      const existing = this.components[id];
      renames.set(
        id,
        existing === undefined || JSON.stringify(existing) === JSON.stringify(rewrite(def)) ? id : `${id}Input`,
      );
    }
    for (const [id, def] of defs) this.components[renames.get(id) ?? id] = rewrite(def) as JsonSchema;
    return rewrite(json) as JsonSchema;
  }
}

function parametersOf(
  collector: SchemaCollector,
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
): JsonSchema[] {
  if (!schema) return [];
  const json = collector.convert(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function operationOf(collector: SchemaCollector, route: RouteContract): JsonSchema {
  const access = accessOf(route);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const content = spec.schema
      ? { [spec.contentType ?? 'application/json']: { schema: collector.convert(spec.schema, 'output') } }
      : spec.contentType
        ? { [spec.contentType]: { schema: { type: 'string' } } }
        : undefined;
    responses[status] = { description: spec.description, ...(content ? { content } : {}) };
  }
  responses.default = {
    description:
      'Any other refusal (400 malformed, 401 not signed in, 403 not allowed, 405, 413 too large, 415 content type) or failure',
    content: { 'application/json': { schema: collector.convert(errorBodySchema, 'output') } },
  };
  const parameters = [
    ...parametersOf(collector, route.params, 'path'),
    ...parametersOf(collector, route.query, 'query'),
  ];
  const requestBody = route.body
    ? {
        required: route.bodyRequired ?? false,
        content: { 'application/json': { schema: collector.convert(route.body, 'input') } },
      }
    : route.bodyContentType
      ? { required: route.bodyRequired ?? false, content: { [route.bodyContentType]: { schema: { type: 'string' } } } }
      : undefined;
  const tag = route.path.split('/')[2] ?? 'api';
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: route.summary,
    description: [route.description, accessLine(access)].filter(Boolean).join('\n\n'),
    tags: [tag],
    'x-roles': rolesFor(access),
    'x-permission': access,
    ...(access === 'public' ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/**
 * The design's attributes and blocks as JSON Schema, from the resource description (the contract itself only
 * needs "an object": the designer's rules check a design in full, with messages at each field).
 */
function designShapeJson(): JsonSchema {
  const { $schema: _dialect, ...shape } = z.toJSONSchema(designShapeSchema(CONNECTOR_RESOURCE), {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  return shape;
}

export function buildOpenApiDocument(options: OpenApiOptions): JsonSchema {
  const collector = new SchemaCollector();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of API_CONTRACT) {
    const operations = paths[route.path] ?? {};
    operations[route.method.toLowerCase()] = operationOf(collector, route);
    paths[route.path] = operations;
  }
  const design = collector.components.ConnectorDesign;
  if (design) collector.components.ConnectorDesign = { ...design, ...designShapeJson() };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Connector Studio API',
      version: options.version,
      description:
        'Design, validate, export and provision Alkira Azure ExpressRoute connectors. Every error answer is JSON `{ "error": "..." }` (422 adds `errors`: each problem at its path). Routes other than the public ones need a signed-in session (the session cookie) with the role listed as `x-roles`; in local mode there is no sign-in.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    paths,
    components: {
      schemas: collector.components,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: options.sessionCookie,
          description: 'The session cookie set by the OpenID Connect sign-in (/api/auth/login)',
        },
      },
    },
  };
}
