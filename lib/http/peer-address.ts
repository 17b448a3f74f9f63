/**
 * The address a request came from, as our own HTTP server saw it. Route
 * handlers get a fetch `Request`, which has no socket; `scripts/server.mjs`
 * writes the socket's peer address into a request header, replacing whatever
 * the client sent under that name, and announces the header's name on
 * `globalThis` when it starts. Without that announcement (the app run by
 * `next start` directly) the header could be the client's own, so it is not
 * read and the address is unknown. `X-Forwarded-For` is never read here: any
 * client can write it; the server takes the client's address from it only
 * when the connection comes from a proxy in CONNECTOR_STUDIO_TRUSTED_PROXIES.
 */

import { captured } from '@/lib/util/indexing';

const PEER_HEADER = Symbol.for('connector-studio.peer-header');

/** The request's peer address, or null when our server did not record it. */
export function peerAddress(headers: Headers): string | null {
  const name = (globalThis as { [PEER_HEADER]?: unknown })[PEER_HEADER];
  if (typeof name !== 'string') return null;
  const value = headers.get(name)?.trim();
  return value ? value : null;
}

/**
 * One key per client address: IPv4 as it is; IPv6 by its /64 prefix (one
 * host's or one site's subnet, whose other addresses the same client can take
 * at will); an IPv4-mapped IPv6 address as its IPv4 form.
 */
export function addressKey(address: string): string {
  const plain = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return captured(mapped, 1);
  if (!plain.includes(':')) return plain;
  const [head, tail] = plain.split('::', 2);
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  const prefix = groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, ''));
  return `${prefix.join(':')}::/64`;
}
