/**
 * The mixed workload of `npm run load` (scripts/load.ts): what one simulated
 * user asks for, chosen at random by weight with no think time — the
 * dashboard's list API and page, a stored design, validate, render and parse,
 * typical and large. Bodies are made once, before the clock starts, so the
 * client spends its CPU on sending, not on building requests.
 */
import type { ConnectorDesign } from '../../lib/connector/design';
import { renderConnectorHcl } from '../../lib/connector/hcl/render';
import { DESIGN_TEMPLATES } from '../../lib/connector/templates';
import { largeIpsecDesign } from '../bench-designs';
import { lastItem } from '../../lib/util/indexing';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  contentType?: string;
}

export interface RouteMix {
  /** The name the report gives the route. */
  name: string;
  /** Relative share of the requests. */
  weight: number;
  /** Parses of files over 100 KB are exempt from the p99 target. */
  exempt?: boolean;
  /** One request (`rand` in [0, 1) picks among variants, e.g. which stored design). */
  make(rand: number): LoadRequest;
}

/** The bodies and stored designs the mix needs, made once. */
export interface WorkloadFixtures {
  typical: ConnectorDesign;
  large: ConnectorDesign;
  typicalHcl: string;
  largeHcl: string;
  designIds: number[];
}

export const LARGE_FILE_BYTES = 100 * 1024;

export function workloadFixtures(designIds: number[]): WorkloadFixtures {
  const typical = DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!.design;
  const large = largeIpsecDesign();
  // Parse of a large file: a connector file comfortably over 100 KB.
  const largeHcl = renderConnectorHcl(largeIpsecDesign(14));
  return { typical, large, typicalHcl: renderConnectorHcl(typical), largeHcl, designIds };
}

const json = (value: unknown) => JSON.stringify(value);

/** The mix: roughly what a team's browsers send while designing and watching the dashboard. */
export function routeMix(f: WorkloadFixtures): RouteMix[] {
  const validateTypical = json(f.typical);
  const validateLarge = json(f.large);
  const renderTypical = json({ design: f.typical });
  const renderLarge = json({ design: f.large });
  const largeKb = Math.round(Buffer.byteLength(f.largeHcl) / 1024);
  const sorts = ['name', 'state', 'lastChange'];
  return [
    {
      name: 'GET /api/connectors (list page)',
      weight: 24,
      make: (r) => ({
        method: 'GET',
        path: `/api/connectors?page=${1 + Math.floor(r * 20)}&page_size=50&sort=${sorts[Math.floor(r * 60) % 3]}`,
      }),
    },
    { name: 'GET /connectors (dashboard page)', weight: 8, make: () => ({ method: 'GET', path: '/connectors' }) },
    {
      name: 'GET /api/designs/<id> (design read)',
      weight: 18,
      make: (r) => ({ method: 'GET', path: `/api/designs/${f.designIds[Math.floor(r * f.designIds.length)]}` }),
    },
    {
      name: 'POST /api/designs/validate',
      weight: 14,
      make: () => ({ method: 'POST', path: '/api/designs/validate', body: validateTypical }),
    },
    {
      name: 'POST /api/designs/validate (640 tunnels)',
      weight: 3,
      make: () => ({ method: 'POST', path: '/api/designs/validate', body: validateLarge }),
    },
    {
      name: 'POST /api/designs/hcl (render)',
      weight: 12,
      make: () => ({ method: 'POST', path: '/api/designs/hcl', body: renderTypical }),
    },
    {
      name: 'POST /api/designs/hcl (render, 640 tunnels)',
      weight: 3,
      make: () => ({ method: 'POST', path: '/api/designs/hcl', body: renderLarge }),
    },
    {
      name: 'POST /api/hcl/parse',
      weight: 12,
      make: () => ({ method: 'POST', path: '/api/hcl/parse', body: f.typicalHcl, contentType: 'text/plain' }),
    },
    {
      name: `POST /api/hcl/parse (${largeKb} KB)`,
      weight: 2,
      exempt: Buffer.byteLength(f.largeHcl) > LARGE_FILE_BYTES,
      make: () => ({ method: 'POST', path: '/api/hcl/parse', body: f.largeHcl, contentType: 'text/plain' }),
    },
    { name: 'GET /api/auth/me', weight: 4, make: () => ({ method: 'GET', path: '/api/auth/me' }) },
  ];
}

/** A deterministic pseudo-random source, so two runs send the same sequence. */
export { seededRandom as seeded } from '../../lib/util/seeded-random';

/** Picks a route by weight. */
export function picker(mix: RouteMix[]): (rand: number) => RouteMix {
  const total = mix.reduce((s, r) => s + r.weight, 0);
  return (rand) => {
    let x = rand * total;
    for (const r of mix) {
      x -= r.weight;
      if (x < 0) return r;
    }
    return lastItem(mix, 'route');
  };
}
