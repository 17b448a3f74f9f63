import 'server-only';
/**
 * The Alkira endpoints this app uses, typed, on top of `AlkiraClient`
 * (paths as in Alkira's REST API reference). One instance per incoming
 * request; the tenant network id is discovered once per base URL.
 */
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import { AlkiraClient, type AlkiraResponse } from './client';
import { loadAlkiraConfig, type AlkiraConfig } from './config';
import { AlkiraHttpError, AlkiraUnavailableError, CreateOutcomeUnknownError } from './errors';

export interface RawSegment {
  id: number | string;
  name: string;
  asn?: number;
  ipBlocks?: { values?: string[] };
}
export interface RawGroup {
  id: number | string;
  name: string;
  description?: string;
}
export interface RawTag {
  id: number;
  name: string;
  description?: string;
}
export interface RawCredential {
  credentialId: string;
  name: string;
  credentialType?: string;
  subType?: string;
}
export interface RawCxp {
  id: number | string;
  name: string;
  provider?: string;
  providerRegion?: string;
  state?: string;
}
export interface RawProfile {
  id: number;
  name: string;
  description?: string;
}
export interface RawProvisionRequest {
  id: string | number;
  state: string;
  /** The emulator names the connector; the real service may not. */
  connectorId?: number | string;
  errorDetails?: { message?: string };
}
export interface ConnectorState {
  state?: string;
  docState?: string;
}

/** The result of a provisioning mutation. */
export interface MutationResult<T> {
  data: T;
  /** `x-provision-request-id`, when the change was provisioned. */
  provisionRequestId: string | null;
  /** True when a create's response was lost and the connector it made was found and adopted. */
  adopted?: boolean;
}

const tenantIds = new Map<string, Promise<number>>();

function asArray<T>(data: unknown, what: string): T[] {
  if (Array.isArray(data)) return data as T[];
  // Some list endpoints page their results; accept `{ data: [...] }` as well.
  if (data && typeof data === 'object' && Array.isArray((data as { data?: unknown }).data)) {
    return (data as { data: T[] }).data;
  }
  throw new AlkiraUnavailableError(`The Alkira API returned an unexpected ${what} list`);
}

export class AlkiraApi {
  readonly client: AlkiraClient;

  constructor(readonly config: AlkiraConfig) {
    this.client = new AlkiraClient(config);
  }

  /** The API as the environment configures it (the emulator: this server's own listening address, never a request's Host). */
  static fromEnv(): AlkiraApi {
    return new AlkiraApi(loadAlkiraConfig());
  }

  async tenantNetworkId(): Promise<number> {
    const key = this.config.baseUrl;
    let pending = tenantIds.get(key);
    if (!pending) {
      pending = this.client.request('GET', '/tenantnetworksummaries').then((res) => {
        const first = asArray<{ id: number }>(res.data, 'tenant network')[0];
        if (!first || first.id === undefined)
          throw new AlkiraUnavailableError('The Alkira tenant has no tenant network');
        return Number(first.id);
      });
      tenantIds.set(key, pending);
      // A failed discovery must not be cached.
      pending.catch(() => tenantIds.delete(key));
    }
    return pending;
  }

  private async connectorsPath(id?: number): Promise<string> {
    const tn = await this.tenantNetworkId();
    return `/v1/tenantnetworks/${tn}/azure-express-route-connectors${id === undefined ? '' : `/${id}`}`;
  }

  private async tnPath(rest: string): Promise<string> {
    return `/tenantnetworks/${await this.tenantNetworkId()}/${rest}`;
  }

  // ---- connectors ----

  async listConnectors(): Promise<AlkiraConnector[]> {
    const res = await this.client.request('GET', await this.connectorsPath());
    return asArray<AlkiraConnector>(res.data, 'connector');
  }

  async findConnectorByName(name: string): Promise<AlkiraConnector | null> {
    const res = await this.client.request('GET', await this.connectorsPath(), { query: { name, paginated: false } });
    // Filter again locally: an upstream that ignores `name` must not make us adopt another connector.
    return asArray<AlkiraConnector>(res.data, 'connector').find((c) => c.name === name) ?? null;
  }

  /** The connector and its provisioning headers (`x-provision-request-state`, `-id`). */
  async getConnector(
    id: number,
  ): Promise<{ connector: AlkiraConnector; provisionState: string | null; provisionRequestId: string | null }> {
    const res = await this.client.request<AlkiraConnector>('GET', await this.connectorsPath(id), {
      query: { includeMarkedForDeletion: true },
    });
    return {
      connector: res.data,
      provisionState: res.headers.get('x-provision-request-state'),
      provisionRequestId: res.headers.get('x-provision-request-id'),
    };
  }

  /**
   * Creates a connector without ever creating two: when an attempt fails in a
   * way where the server may have acted (5xx, timeout, reset), it looks the
   * name up first and adopts the connector if it now exists. A lookup that
   * fails itself does not end the create (the next attempt, or the caller's
   * reconciliation, settles it): an upstream that committed is never reported
   * as having failed because its answer and a lookup were both lost.
   */
  async createConnector(
    body: AlkiraConnector,
    provision: boolean,
    sensitive: string[],
  ): Promise<MutationResult<AlkiraConnector>> {
    const path = await this.connectorsPath();
    let adopted: MutationResult<AlkiraConnector> | null = null;
    let mayHaveActed = false;
    let res: AlkiraResponse<AlkiraConnector>;
    try {
      res = await this.client.request<AlkiraConnector>('POST', path, {
        body,
        query: { provision: provision || undefined },
        sensitive,
        beforeRetry: async () => {
          mayHaveActed = true;
          adopted = await this.adoptByName(body.name, provision).catch(() => null);
          if (!adopted) return null;
          const headers = new Headers();
          if (adopted.provisionRequestId) headers.set('x-provision-request-id', adopted.provisionRequestId);
          return { status: 200, headers, data: adopted.data };
        },
      });
    } catch (err) {
      // After an attempt that may have committed, a final failure (even a 409
      // "name taken" from a retry) may hide our own connector: look once more.
      if (!mayHaveActed) throw err;
      for (let attempt = 0; attempt < 3; attempt++) {
        const found = await this.adoptByName(body.name, provision).catch(() => null);
        if (found) {
          console.info(
            `[alkira] POST ${new URL(this.client.url(path)).pathname}: the create failed (${err instanceof Error ? err.name : 'error'}), but the change was applied; adopting it`,
          );
          return found;
        }
        await new Promise((r) => setTimeout(r, this.config.retryBaseMs * 2 ** attempt));
      }
      throw new CreateOutcomeUnknownError(err);
    }
    if (adopted) return adopted;
    return { data: res.data, provisionRequestId: res.headers.get('x-provision-request-id') };
  }

  /**
   * The connector named `name` as the result of a create whose answer was lost,
   * with its provision request id (read from the connector, retried a few
   * times so a passing upstream fault does not lose it); null when no
   * connector has that name.
   */
  async adoptByName(name: string, provision: boolean): Promise<MutationResult<AlkiraConnector> | null> {
    const existing = await this.findConnectorByName(name);
    if (!existing) return null;
    let provisionRequestId: string | null = null;
    if (provision && existing.id !== undefined) {
      for (let attempt = 0; attempt < 3 && provisionRequestId === null; attempt++) {
        const item = await this.getConnector(Number(existing.id)).catch(() => null);
        provisionRequestId = item?.provisionRequestId ?? null;
        if (provisionRequestId === null)
          await new Promise((r) => setTimeout(r, this.config.retryBaseMs * 2 ** attempt));
      }
    }
    return { data: existing, provisionRequestId, adopted: true };
  }

  /** Full replacement (PUT is idempotent, so plain retries are safe). */
  async updateConnector(
    id: number,
    body: AlkiraConnector,
    provision: boolean,
    sensitive: string[],
  ): Promise<MutationResult<AlkiraConnector>> {
    const res = await this.client.request<AlkiraConnector>('PUT', await this.connectorsPath(id), {
      body,
      query: { provision: provision || undefined },
      sensitive,
    });
    return { data: res.data, provisionRequestId: res.headers.get('x-provision-request-id') };
  }

  /** A 404 on a retried delete means an earlier attempt already removed it. */
  async deleteConnector(id: number, provision: boolean): Promise<MutationResult<null>> {
    const res = await this.client.request<null>('DELETE', await this.connectorsPath(id), {
      query: { provision: provision || undefined },
    });
    return { data: null, provisionRequestId: res.headers.get('x-provision-request-id') };
  }

  async connectorState(id: number): Promise<ConnectorState> {
    const res = await this.client.request<ConnectorState>('GET', await this.tnPath(`connectors/${id}`));
    return res.data ?? {};
  }

  async provisionRequest(id: string): Promise<RawProvisionRequest> {
    const res = await this.client.request<RawProvisionRequest>(
      'GET',
      await this.tnPath(`provision-requests/${encodeURIComponent(id)}`),
    );
    return res.data;
  }

  // ---- catalog ----

  async segments(): Promise<RawSegment[]> {
    return asArray((await this.client.request('GET', await this.tnPath('segments'))).data, 'segment');
  }

  /** The segment, or null when the tenant has no segment with this id. */
  async segment(id: string): Promise<RawSegment | null> {
    try {
      return (await this.client.request<RawSegment>('GET', await this.tnPath(`segments/${encodeURIComponent(id)}`)))
        .data;
    } catch (err) {
      if (err instanceof AlkiraHttpError && err.status === 404) return null;
      throw err;
    }
  }

  async groups(): Promise<RawGroup[]> {
    return asArray((await this.client.request('GET', await this.tnPath('groups'))).data, 'group');
  }

  async billingTags(): Promise<RawTag[]> {
    return asArray((await this.client.request('GET', '/tags')).data, 'billing tag');
  }

  async credentials(): Promise<RawCredential[]> {
    return asArray((await this.client.request('GET', '/credentials/')).data, 'credential');
  }

  async cxps(): Promise<RawCxp[]> {
    return asArray((await this.client.request('GET', '/inventory/cxps')).data, 'CXP');
  }

  async ipsecTunnelProfiles(): Promise<RawProfile[]> {
    const tn = await this.tenantNetworkId();
    return asArray(
      (await this.client.request('GET', `/v1/tenantnetworks/${tn}/ipsec-tunnel-profiles`)).data,
      'IPsec tunnel profile',
    );
  }
}
