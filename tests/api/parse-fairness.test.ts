/**
 * POST /api/hcl/parse shared fairly, over real HTTP against the production
 * server: one client sending ~1 MB files in a loop does not refuse or starve
 * another client's small parses, and a client over its own limit gets 429
 * with Retry-After, however it labels itself. Clients are told apart by the
 * address they connect from (local mode: no sign-in), so the test's clients
 * bind different loopback addresses (all of 127/8 is loopback on Linux).
 * No timings are asserted: speed is the benchmark's business
 * (scripts/bench-parse-fairness.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LARGE_HCL,
  MEDIUM_HCL,
  PER_CLIENT_LIMIT_MESSAGE,
  parseClient,
  type ParseAnswer,
  SMALL_HCL,
} from '../helpers/parse-load';
import { startServer, type RunningServer } from '../helpers/server';
import { TEST_ENV } from './support';

let server: RunningServer;

beforeAll(async () => {
  // Two workers whatever the machine, so one client may hold one of them (half the pool); a time budget
  // far above any parse, so a busy test machine cannot turn a slow parse into a 422 here.
  server = await startServer({
    ...TEST_ENV,
    CONNECTOR_STUDIO_PARSE_WORKERS: '2',
    CONNECTOR_STUDIO_PARSE_TIMEOUT_MS: '60000',
  });
});
afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the parse service is fair between clients', () => {
  it("one client looping ~1 MB files neither refuses nor starves another client's small parses", async () => {
    const heavy = parseClient(server.port, '127.0.0.1');
    const light = parseClient(server.port, '127.0.0.2');
    const heavyAnswers: ParseAnswer[] = [];
    let stop = false;
    // Twelve loops: more than the heavy client may have in the service, so it meets its own limit.
    const loops = Array.from({ length: 12 }, async () => {
      while (!stop) {
        const answer = await heavy.post(LARGE_HCL).catch(() => null); // closed at the end
        if (!answer) return;
        heavyAnswers.push(answer);
        if (answer.status === 429) await sleep(20);
      }
    });
    try {
      while (!heavyAnswers.some((a) => a.status === 429)) await sleep(20);
      for (let i = 0; i < 10; i++) {
        const answer = await light.post(SMALL_HCL);
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body).designs).toHaveLength(1);
      }
      // Claiming the heavy client's address changes nothing: the server writes the peer header itself.
      const forged = await light.post(SMALL_HCL, {
        'x-connector-studio-peer': '127.0.0.1',
        'x-forwarded-for': '127.0.0.1',
      });
      expect(forged.status).toBe(200);
    } finally {
      stop = true;
      heavy.close();
      await Promise.all(loops);
      light.close();
    }
    for (const answer of heavyAnswers) {
      expect([200, 429]).toContain(answer.status);
      if (answer.status === 429) {
        expect(answer.retryAfter).toBe('1');
        expect(JSON.parse(answer.body).error).toMatch(PER_CLIENT_LIMIT_MESSAGE);
      }
    }
  }, 120_000);

  it('a client over its limit gets 429 with Retry-After whatever X-Forwarded-For or peer header it sends', async () => {
    const burst = parseClient(server.port, '127.0.0.3');
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          burst.post(MEDIUM_HCL, { 'x-forwarded-for': `198.51.100.${i}`, 'x-connector-studio-peer': `203.0.113.${i}` }),
        ),
      );
      const refused = answers.filter((a) => a.status === 429);
      expect(refused.length).toBeGreaterThan(0);
      for (const answer of refused) {
        expect(answer.retryAfter).toBe('1');
        expect(JSON.parse(answer.body).error).toMatch(PER_CLIENT_LIMIT_MESSAGE);
      }
      for (const answer of answers.filter((a) => a.status !== 429)) {
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body).designs.length).toBeGreaterThan(100);
      }
    } finally {
      burst.close();
    }
  }, 120_000);
});
