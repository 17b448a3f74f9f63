/**
 * SQLite and the embedded emulator keep state in the process, so the server
 * is single-instance on its data folder: a second production server started
 * on the same folder refuses to start, saying why and what to do, and the
 * first one keeps serving; once the first is gone (even killed), a server on
 * that folder starts and has the data.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign } from '../helpers/designs';
import { call, TEST_ENV } from './support';

// The default upstream timeout: this test is about starting, not about a slow emulator on a busy machine.
const ENV = { ...TEST_ENV, ALKIRA_TIMEOUT_MS: '15000' };

describe('one server per data folder (SQLite, embedded emulator)', () => {
  const running: RunningServer[] = [];
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
  });

  it('refuses a second server on the same data folder with a clear reason; the first keeps serving, and the folder is free once it is gone', async () => {
    const first = await startServer(ENV);
    running.push(first);
    expect((await call(first, 'POST', '/api/connectors?provision=false', basicDesign('single-instance'))).status).toBe(
      201,
    );

    const second = startServer(ENV, { dataDir: first.dataDir });
    await expect(second).rejects.toThrow(/exited early \(1\)/);
    const reason = await second.catch((err: Error) => err.message);
    expect(reason).toContain(
      `Connector Studio will not start: another Connector Studio process already uses the data folder ${first.dataDir}`,
    );
    expect(reason).toContain(
      'With the SQLite store and the embedded Alkira emulator the app runs as a single instance',
    );
    expect(reason).toContain('DATABASE_URL');

    const list = await call(first, 'GET', '/api/connectors');
    expect(list.status).toBe(200);
    expect(list.body.connectors.map((c: { name: string }) => c.name)).toEqual(['single-instance']);

    await first.crash();
    const third = await startServer(ENV, { dataDir: first.dataDir });
    running.push(third);
    const again = await call(third, 'GET', '/api/connectors');
    expect(again.body.connectors.map((c: { name: string }) => c.name)).toEqual(['single-instance']);
  }, 240_000);
});
