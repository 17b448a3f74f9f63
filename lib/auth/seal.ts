/**
 * Authenticated encryption of small JSON values for cookies (AES-256-GCM, key
 * derived from the session secret with HKDF, one key per purpose). A sealed
 * value can be neither read nor altered without the secret; `open` returns
 * null for anything it cannot verify, never throws.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const keys = new Map<string, Buffer>();

function key(secret: string, purpose: string): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let k = keys.get(id);
  if (!k) {
    k = Buffer.from(hkdfSync('sha256', secret, 'connector-studio', `cookie:${purpose}`, 32));
    keys.set(id, k);
  }
  return k;
}

export function seal(value: unknown, secret: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret, purpose), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    body.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join('.');
}

export function open(sealed: string, secret: string, purpose: string): unknown {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  try {
    const [iv, body, tag] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !body || !tag || iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv('aes-256-gcm', key(secret, purpose), iv);
    decipher.setAuthTag(tag);
    const text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    return JSON.parse(text);
  } catch {
    return null;
  }
}
