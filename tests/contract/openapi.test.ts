/**
 * The OpenAPI document built from the contract: valid OpenAPI 3.1, every route and method in it with the roles
 * the access policy gives, and each body's fields exactly the contract's (one edit of a contract reaches the
 * document, the handler's parsing and the client's types).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { API_POLICY } from '@/lib/auth/policy-table';
import { PERMISSIONS, ROLES } from '@/lib/auth/roles';
import {
  API_CONTRACT,
  appRouterPath,
  createDesignBody,
  PERMISSION_NAMES,
  ROLE_NAMES,
  saveDesignBody,
  type BodyOf,
  type saveDesign,
} from '@/lib/contract';
import { buildOpenApiDocument } from '@/lib/route/openapi';
import { blocksOf, designAttributes } from '@/lib/connector/resource';
import { CONNECTOR_RESOURCE } from '@/lib/connector/resource/azure-expressroute';
import type { BodySpec } from '@/lib/connector/resource/types';
import { parseInput } from '@/lib/http/contract-input';

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        'x-roles': string[];
        'x-permission': string;
        security?: unknown[];
        parameters?: { name: string; in: string }[];
        requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; $ref?: string } }> };
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
};
const doc = buildOpenApiDocument({ sessionCookie: 'cs_session', version: '0.0.0-test' }) as unknown as Doc;

describe('GET /api/openapi.json document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has every route and method of the contract, with the roles the access policy gives it', () => {
    for (const route of API_CONTRACT) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      const access = API_POLICY[appRouterPath(route.path)]?.[route.method];
      expect(op?.['x-permission']).toBe(access);
      if (access === 'public') expect(op?.security).toEqual([]);
      else expect(op?.['x-roles'].length).toBeGreaterThan(0);
    }
    expect(doc.paths['/api/designs/{id}']?.put?.['x-roles']).toEqual(['designer', 'operator']);
    expect(doc.paths['/api/connectors/{id}']?.delete?.['x-roles']).toEqual(['operator']);
    expect(doc.paths['/api/activity']?.get?.['x-roles']).toEqual(['viewer', 'designer', 'operator']);
  });

  it('spells the roles and permissions as lib/auth/roles.ts has them', () => {
    expect([...ROLE_NAMES]).toEqual([...ROLES]);
    expect([...PERMISSION_NAMES].sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it('names path and query parameters', () => {
    const diff = doc.paths['/api/designs/{id}/diff']?.get?.parameters ?? [];
    expect(diff.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'query:from', 'query:to']);
  });

  it("lists exactly the contract's fields for every JSON body", () => {
    for (const route of API_CONTRACT) {
      if (!route.body || !(route.body instanceof z.ZodObject)) continue;
      const schema =
        doc.paths[route.path]?.[route.method.toLowerCase()]?.requestBody?.content['application/json']?.schema;
      expect(Object.keys(schema?.properties ?? {}).sort(), `${route.method} ${route.path}`).toEqual(
        Object.keys(route.body.shape).sort(),
      );
    }
  });

  it("a field added to a body's contract is documented and parsed with no other edit", () => {
    // What a maintainer would write: the contract with one more optional field.
    const extended = saveDesignBody.extend({ reviewer: z.string().optional() });
    const json = z.toJSONSchema(extended, { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(json.properties)).toContain('reviewer');
    const parsed = parseInput(extended, { design: {}, base_version: 2, reviewer: 'ana' }, 'body');
    expect(parsed.reviewer).toBe('ana');
    // The unextended contract refuses it, naming the fields it takes (the message the API answers with).
    expect(() => parseInput(saveDesignBody, { design: {}, base_version: 2, reviewer: 'ana' }, 'body')).toThrow(
      'Unknown field "reviewer"; expected design, note, hcl, base_version, merge',
    );
    // And the client's body type is the contract's input.
    const body: BodyOf<typeof saveDesign> = { design: {} as never, base_version: 1, note: 'x' };
    expect(createDesignBody.safeParse({ design: body.design }).success).toBe(true);
  });

  it("describes a design's every attribute and block, as the resource description has them", () => {
    type Shape = { type?: string; properties?: Record<string, Shape>; items?: Shape };
    const missing: string[] = [];
    const walk = (body: BodySpec, shape: Shape | undefined, at: string) => {
      const properties = shape?.properties ?? {};
      for (const [name] of designAttributes(body)) if (!(name in properties)) missing.push(`${at}${name}`);
      for (const [name, block] of blocksOf(body)) {
        const list = properties[name];
        if (list?.type !== 'array') missing.push(`${at}${name} (a list of blocks)`);
        walk(block.body, list?.items, `${at}${name}[].`);
      }
    };
    const design = doc.components.schemas.ConnectorDesign as Shape;
    expect(design.type).toBe('object');
    walk(CONNECTOR_RESOURCE, design, '');
    expect(missing).toEqual([]);
  });
});
