/**
 * Sensitive design values (pre-shared keys, remote auth values) are stored
 * encrypted: AES-256-GCM under a key derived from `CONNECTOR_STUDIO_SECRET`.
 * Without that variable a single-instance SQLite store generates a random key
 * once and keeps it next to the database (`ALKIRA_DATA_DIR/store.key`, mode
 * 0600); on PostgreSQL, where several instances must share the key, the
 * variable is required before any secret can be stored.
 *
 * Stored form: `enc:v1:<base64(iv | tag | ciphertext)>`.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mapSensitiveValues } from '@/lib/connector/sensitive';
import { storeTarget } from './db';

const PREFIX = 'enc:v1:';

export class StoreSecretError extends Error {}

function keyFile(): string {
  // turbopackIgnore: runtime state, not something to trace into the build output.
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.ALKIRA_DATA_DIR || './data');
  return path.join(/*turbopackIgnore: true*/ dir, 'store.key');
}

/** The generated key, created once (exclusive create, so two processes agree on it). */
function localKeyMaterial(): Buffer {
  const file = keyFile();
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
    } catch {
      /* another process created it first */
    }
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  }
}

function encryptionKey(): Buffer {
  const secret = process.env.CONNECTOR_STUDIO_SECRET;
  let material: Buffer;
  if (secret && secret.length > 0) material = Buffer.from(secret, 'utf8');
  else if (storeTarget().dialect === 'sqlite') material = localKeyMaterial();
  else throw new StoreSecretError('CONNECTOR_STUDIO_SECRET must be set to store pre-shared keys in PostgreSQL');
  return Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), 'connector-studio store v1', 32));
}

export function isEncrypted(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

export function encryptValue(plain: string, key = encryptionKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

export function decryptValue(stored: string, key = encryptionKey()): string {
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new StoreSecretError(
      'A stored secret cannot be decrypted: CONNECTOR_STUDIO_SECRET differs from the one it was saved with',
    );
  }
}

/** The key, derived once per call site and only when a secret is actually there. */
function lazyKey(): () => Buffer {
  let key: Buffer | undefined;
  return () => {
    key ??= encryptionKey();
    return key;
  };
}

/** The design as stored: every sensitive value encrypted. */
export function sealDesign<T>(design: T): T {
  const key = lazyKey();
  return mapSensitiveValues(design, (v) => (isEncrypted(v) ? v : encryptValue(String(v), key()))) as T;
}

/** The stored design with its sensitive values decrypted. */
export function openDesign<T>(design: T): T {
  const key = lazyKey();
  return mapSensitiveValues(design, (v) => (isEncrypted(v) ? decryptValue(String(v), key()) : v)) as T;
}

/** A short, non-reversible fingerprint (for logs and tests), never the value. */
export function fingerprint(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}
