/**
 * `--tenant`: the tenant snapshot from the Alkira API, configured as the
 * server and the Terraform provider are (`ALKIRA_PORTAL`: a host name, giving
 * `https://<host>/api`, or a URL, giving `<url>/api`; `ALKIRA_API_KEY`, or the
 * deprecated `ALKIRA_USERNAME`/`ALKIRA_PASSWORD`). Plain fetch: the server's
 * client (lib/alkira) is server-only. Retries 429 and 5xx a few times.
 */
import { randomUUID } from 'node:crypto';
import { indexTenant, snapshotFromApi, type TenantIndex } from '@/lib/connector/tenant';

export class TenantError extends Error {}

export interface Portal {
  baseUrl: string;
  authorization: string;
  /** Never printed. */
  secrets: string[];
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export function portalFromEnv(env: NodeJS.ProcessEnv = process.env): Portal {
  const portal = env.ALKIRA_PORTAL?.trim();
  if (!portal) throw new TenantError('--tenant needs ALKIRA_PORTAL (the portal host name) and ALKIRA_API_KEY');
  let baseUrl: string;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(portal) ? portal : `https://${portal}`);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    baseUrl = `${url.toString().replace(/\/+$/, '')}/api`;
  } catch {
    throw new TenantError('ALKIRA_PORTAL is not a valid host name or URL');
  }
  if (env.ALKIRA_API_KEY)
    return {
      baseUrl,
      authorization: `api-key ${b64(env.ALKIRA_API_KEY)}`,
      secrets: [env.ALKIRA_API_KEY, b64(env.ALKIRA_API_KEY)],
    };
  if (env.ALKIRA_USERNAME && env.ALKIRA_PASSWORD) {
    const pair = `${env.ALKIRA_USERNAME}:${env.ALKIRA_PASSWORD}`;
    return { baseUrl, authorization: `basic ${b64(pair)}`, secrets: [env.ALKIRA_PASSWORD, b64(pair)] };
  }
  throw new TenantError('ALKIRA_PORTAL is set but neither ALKIRA_API_KEY nor ALKIRA_USERNAME/ALKIRA_PASSWORD is');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, s) => (s ? out.split(s).join('***') : out), text);
}

async function get(portal: Portal, apiPath: string): Promise<unknown> {
  const url = portal.baseUrl + apiPath;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, {
        headers: {
          Authorization: portal.authorization,
          'Content-Type': 'application/json',
          'x-ak-request-id': `client-${randomUUID()}`,
        },
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      if (attempt < 2) {
        await sleep(300 * 2 ** attempt);
        continue;
      }
      throw new TenantError(scrub(`GET ${url}: ${err instanceof Error ? err.message : String(err)}`, portal.secrets));
    }
    if ((res.status === 429 || res.status >= 500) && attempt < 3) {
      const after = Number(res.headers.get('retry-after'));
      await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 10_000) : 300 * 2 ** attempt);
      continue;
    }
    const text = await res.text();
    if (!res.ok)
      throw new TenantError(scrub(`GET ${url}: HTTP ${res.status} ${text.slice(0, 200)}`.trim(), portal.secrets));
    try {
      return JSON.parse(text);
    } catch {
      throw new TenantError(`GET ${url}: the answer is not JSON`);
    }
  }
}

/** A list endpoint's items (some page them as `{ data: [...] }`). */
async function list(portal: Portal, apiPath: string): Promise<unknown[]> {
  const data = await get(portal, apiPath);
  if (Array.isArray(data)) return data;
  const paged = data && typeof data === 'object' ? (data as { data?: unknown }).data : undefined;
  if (Array.isArray(paged)) return paged;
  throw new TenantError(`GET ${portal.baseUrl}${apiPath}: not a list`);
}

/** The tenant's connectors and catalog, indexed for the checks. */
export async function fetchTenantIndex(portal: Portal): Promise<TenantIndex> {
  const networks = await list(portal, '/tenantnetworksummaries');
  const first = networks[0] as { id?: unknown } | undefined;
  if (!first || (typeof first.id !== 'number' && typeof first.id !== 'string'))
    throw new TenantError('The Alkira tenant has no tenant network');
  const tn = encodeURIComponent(String(first.id));
  const [connectors, segments, groups, billingTags, credentials, tunnelProfiles, cxps] = await Promise.all([
    list(portal, `/v1/tenantnetworks/${tn}/azure-express-route-connectors`),
    list(portal, `/tenantnetworks/${tn}/segments`),
    list(portal, `/tenantnetworks/${tn}/groups`),
    list(portal, '/tags'),
    list(portal, '/credentials/'),
    list(portal, `/v1/tenantnetworks/${tn}/ipsec-tunnel-profiles`),
    list(portal, '/inventory/cxps'),
  ]);
  return indexTenant(snapshotFromApi({ connectors, segments, groups, billingTags, credentials, tunnelProfiles, cxps }));
}
