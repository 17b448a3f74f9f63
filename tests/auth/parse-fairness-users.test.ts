/**
 * With sign-in on, the parse service tells clients apart by user, not by
 * address: two users behind the same address (one proxy, one NAT) each have
 * their own limit, so one user at the limit leaves the other's parses alone.
 * Over real HTTP against the production server and a local OpenID provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcAppEnv, signIn, startOidcProvider, USER_FOR_ROLE, type RunningOidcProvider } from '../helpers/oidc';
import { MEDIUM_HCL, PER_CLIENT_LIMIT_MESSAGE, parseClient, SMALL_HCL } from '../helpers/parse-load';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { TEST_ENV } from '../api/support';

let idp: RunningOidcProvider;
let app: RunningServer;
let heavyCookie: string;
let lightCookie: string;

beforeAll(async () => {
  const port = await freePort();
  idp = await startOidcProvider({ appOrigins: [`http://127.0.0.1:${port}`] });
  // Two workers whatever the machine; a time budget no parse meets on a busy test machine.
  app = await startServer(
    {
      ...TEST_ENV,
      ...oidcAppEnv(idp.issuer),
      CONNECTOR_STUDIO_PARSE_WORKERS: '2',
      CONNECTOR_STUDIO_PARSE_TIMEOUT_MS: '60000',
    },
    { port },
  );
  heavyCookie = (await signIn(app.url, USER_FOR_ROLE.designer)).cookie;
  lightCookie = (await signIn(app.url, USER_FOR_ROLE.viewer)).cookie;
});
afterAll(async () => {
  await app?.stop();
  await idp?.stop();
});

describe('parse clients when signed in', () => {
  it('a user over the limit gets 429; another user from the same address does not', async () => {
    const heavy = parseClient(app.port, '127.0.0.1', { cookie: heavyCookie });
    const light = parseClient(app.port, '127.0.0.1', { cookie: lightCookie });
    try {
      const burst = Promise.all(Array.from({ length: 12 }, () => heavy.post(MEDIUM_HCL)));
      const small: number[] = [];
      for (let i = 0; i < 5; i++) {
        const answer = await light.post(SMALL_HCL);
        small.push(answer.status);
        expect(JSON.parse(answer.body).designs).toHaveLength(1);
      }
      expect(small).toEqual([200, 200, 200, 200, 200]);
      const answers = await burst;
      const refused = answers.filter((a) => a.status === 429);
      expect(refused.length).toBeGreaterThan(0);
      for (const answer of refused) expect(JSON.parse(answer.body).error).toMatch(PER_CLIENT_LIMIT_MESSAGE);
      expect(answers.every((a) => a.status === 200 || a.status === 429)).toBe(true);
    } finally {
      heavy.close();
      light.close();
    }
  }, 120_000);
});
