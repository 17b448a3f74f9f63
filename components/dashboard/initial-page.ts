import 'server-only';
/**
 * The page of the list the dashboard opens on, read on the server while the
 * HTML is rendered (the same list the API route serves), so the first rows
 * arrive with the HTML. Nothing when the viewer may not see pages (sign-in
 * on, no role; the layout shows the sign-in prompt instead) or when anything
 * fails: the browser then asks the API as usual.
 */
import { AlkiraApi } from '@/lib/alkira/api';
import { listConnectorPage } from '@/lib/services/connectors';
import { parseListQuery as parseApiQuery } from '@/lib/services/list-query';
import { currentViewer } from '@/lib/auth/viewer';
import type { ConnectorListPageResponse } from '@/lib/client/types';
import { PAGE_SIZE, parseListQuery, parseRow, queryKeyOf } from './list-query';

export interface InitialPage {
  viewKey: string;
  page: number;
  data: ConnectorListPageResponse;
}

export async function initialPageOf(
  params: Record<string, string | string[] | undefined>,
): Promise<InitialPage | null> {
  const viewer = await currentViewer();
  if (viewer.mode === 'oidc' && !viewer.user?.role) return null;
  const search = new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  );
  const query = parseListQuery(search);
  const page = Math.floor(parseRow(search) / PAGE_SIZE) + 1;
  const apiParams = new URLSearchParams(queryKeyOf(query));
  apiParams.set('page', String(page));
  apiParams.set('page_size', String(PAGE_SIZE));
  try {
    // Server to server: the emulator's address comes from where this server listens, never from the request's Host.
    const api = AlkiraApi.fromEnv();
    return { viewKey: queryKeyOf(query), page, data: await listConnectorPage(api, parseApiQuery(apiParams)) };
  } catch {
    return null;
  }
}
