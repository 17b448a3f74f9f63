/**
 * The response headers every answer carries (pages, API, errors the proxy
 * makes itself): a nonce-based Content-Security-Policy (no 'unsafe-inline'
 * for scripts), nosniff, no framing, and HSTS when served over HTTPS.
 */

import { firstField } from '@/lib/util/indexing';

/** 128 random bits, base64: a fresh script nonce per request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Where forms may submit, redirects included: this origin, and with sign-in
 * on the identity provider's (Sign out posts to the app, which redirects the
 * browser to the provider's logout page; Chromium applies form-action to
 * that redirect).
 */
export function formActionSources(issuer = process.env.OIDC_ISSUER): string {
  if (!issuer?.trim()) return "'self'";
  try {
    return `'self' ${new URL(issuer.trim()).origin}`;
  } catch {
    return "'self'";
  }
}

export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load Next's chunks; 'self' is the fallback for older browsers.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and the diagram library set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    `form-action ${formActionSources()}`,
  ].join('; ');
}

export const HSTS = 'max-age=31536000; includeSubDomains';

/** True when the client reached us over HTTPS (directly or through a TLS-terminating proxy). */
export function servedOverHttps(url: URL, headers: Pick<Headers, 'get'>): boolean {
  if (url.protocol === 'https:') return true;
  const proto = headers.get('x-forwarded-proto');
  const forwarded = proto === null ? undefined : firstField(proto, ',').trim().toLowerCase();
  return forwarded === 'https';
}

/** Header name → value; the CSP is always among them (the proxy passes it on to the page renderer). */
export type SecurityHeaders = { 'Content-Security-Policy': string } & Record<string, string>;

/** Every security header for a response to this request. */
export function securityHeaders(nonce: string, https: boolean): SecurityHeaders {
  const out: SecurityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
  if (https) out['Strict-Transport-Security'] = HSTS;
  return out;
}
