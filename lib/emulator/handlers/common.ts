import { TENANT_NETWORK_ID } from '../config';
import { ApiError } from '../http';

/** 404 unless the path names the one tenant network the emulator has. */
export function requireTenant(tn: string | undefined): void {
  if (tn !== String(TENANT_NETWORK_ID)) throw new ApiError(404, `Tenant network ${tn ?? ''} not found`);
}

/** A positive integer path id, or 404 (a non-numeric id names nothing). */
export function integerId(raw: string | undefined, what: string): number {
  if (!raw || !/^\d+$/.test(raw)) throw new ApiError(404, `${what} ${raw ?? ''} not found`);
  return Number(raw);
}

export function flag(query: URLSearchParams, name: string): boolean {
  return query.get(name)?.toLowerCase() === 'true';
}
