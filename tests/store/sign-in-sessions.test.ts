/**
 * The server-side half of a sign-in (the sealed ID token sign-out sends to
 * the identity provider, and whether the session is still open) on SQLite
 * and PostgreSQL: taken once, closed after, unusable once expired, and
 * stored under a hash rather than the session id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, getStore } from '@/lib/store/db';
import { saveSignInSession, signInSessionOpen, takeSignInSession } from '@/lib/store/sign-in-sessions';
import { postgresBackend, sqliteBackend } from './backends';
import { at } from '../helpers/present';

const SID = 'a'.repeat(43);
const LATER = new Date(Date.now() + 3_600_000);

for (const backend of [sqliteBackend(), postgresBackend()]) {
  describe(`sign-in sessions on ${backend.name}`, () => {
    beforeAll(async () => {
      await backend.use();
    });
    afterAll(async () => {
      await getStore().close();
      await backend.stop();
    });

    it('gives the kept token back once, then never again', async () => {
      await saveSignInSession(SID, 'sealed-token-1', LATER);
      expect(await signInSessionOpen(SID)).toBe(true);
      expect(await takeSignInSession(SID)).toBe('sealed-token-1');
      // Taken at sign-out: the session is closed, and there is nothing to take again.
      expect(await signInSessionOpen(SID)).toBe(false);
      expect(await takeSignInSession(SID)).toBeNull();
      expect(await takeSignInSession('b'.repeat(43))).toBeNull();
    });

    it('keys rows by a hash of the session id, not the id itself', async () => {
      await saveSignInSession(SID, 'sealed-token-2', LATER);
      const rows = await (await getDb()).selectFrom('sign_in_sessions').select('session_hash').execute();
      expect(rows).toHaveLength(1);
      expect(at(rows, 0).session_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(at(rows, 0).session_hash).not.toContain(SID);
      await takeSignInSession(SID);
    });

    it('does not give back an expired token, and prunes expired rows on the next sign-in', async () => {
      await saveSignInSession('c'.repeat(43), 'sealed-old', new Date(Date.now() - 1000));
      expect(await signInSessionOpen('c'.repeat(43))).toBe(false);
      expect(await takeSignInSession('c'.repeat(43))).toBeNull();
      await saveSignInSession('d'.repeat(43), 'sealed-older', new Date(Date.now() - 1000));
      await saveSignInSession('e'.repeat(43), 'sealed-new', LATER);
      const left = await (await getDb()).selectFrom('sign_in_sessions').select('id_token').execute();
      expect(left.map((r) => r.id_token)).toEqual(['sealed-new']);
    });
  });
}
