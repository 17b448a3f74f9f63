/**
 * Server-side state of OpenID Connect sign-ins (table `sign_in_sessions`,
 * see schema.ts): the sealed ID token each session needs for the identity
 * provider's logout. The key is a SHA-256 of the session id, so the table
 * alone cannot name a live session cookie.
 */
import { createHash } from 'node:crypto';
import { getDb } from './db';

function hashOf(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** Keeps `sealedIdToken` for the session until `expiresAt`; drops rows that expired meanwhile. */
export async function saveSignInSession(sessionId: string, sealedIdToken: string, expiresAt: Date): Promise<void> {
  const db = await getDb();
  const now = new Date().toISOString();
  await db.deleteFrom('sign_in_sessions').where('expires_at', '<', now).execute();
  await db
    .insertInto('sign_in_sessions')
    .values({
      session_hash: hashOf(sessionId),
      id_token: sealedIdToken,
      created_at: now,
      expires_at: expiresAt.toISOString(),
    })
    .execute();
}

/** True while the sign-in has not been signed out of (its row exists and has not expired). */
export async function signInSessionOpen(sessionId: string): Promise<boolean> {
  const db = await getDb();
  const row = await db
    .selectFrom('sign_in_sessions')
    .select('expires_at')
    .where('session_hash', '=', hashOf(sessionId))
    .executeTakeFirst();
  return row !== undefined && row.expires_at > new Date().toISOString();
}

/** The session's sealed ID token, removed as it is read (sign-out uses it once); null when none or expired. */
export async function takeSignInSession(sessionId: string): Promise<string | null> {
  const db = await getDb();
  const hash = hashOf(sessionId);
  const row = await db
    .selectFrom('sign_in_sessions')
    .select(['id_token', 'expires_at'])
    .where('session_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  await db.deleteFrom('sign_in_sessions').where('session_hash', '=', hash).execute();
  return row.expires_at > new Date().toISOString() ? row.id_token : null;
}
