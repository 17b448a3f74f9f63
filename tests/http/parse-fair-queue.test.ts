/**
 * The parse service's scheduling as pure logic (lib/hcl-server/fair-queue.ts):
 * round-robin across clients, at most `runningPerClient` running per client,
 * the per-client limit refusing only that client, the global cap, smaller jobs
 * first within a client without starving large ones.
 */
import { describe, expect, it } from 'vitest';
import { FairQueue, type FairQueueLimits } from '@/lib/hcl-server/fair-queue';

const LIMITS: FairQueueLimits = { perClient: 8, total: 100, runningPerClient: 100, maxPassOvers: 8 };

/** Takes every job that may start, in order, finishing each at once. */
function order(queue: FairQueue<string>): string[] {
  const out: string[] = [];
  for (let next = queue.take(); next; next = queue.take()) {
    out.push(next.job);
    queue.done(next.client);
  }
  return out;
}

describe('FairQueue', () => {
  it('serves clients round-robin, whatever order their jobs arrived in', () => {
    const queue = new FairQueue<string>(LIMITS);
    for (const job of ['a1', 'a2', 'a3', 'a4', 'a5']) queue.add('a', job, 1000);
    queue.add('b', 'b1', 1000);
    queue.add('b', 'b2', 1000);
    queue.add('c', 'c1', 1000);
    expect(order(queue)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4', 'a5']);
  });

  it('puts a client that arrives later in the ring after those already waiting, not after all their jobs', () => {
    const queue = new FairQueue<string>(LIMITS);
    for (const job of ['a1', 'a2', 'a3']) queue.add('a', job, 1);
    expect(queue.take()?.job).toBe('a1');
    queue.add('b', 'b1', 1);
    expect(queue.take()?.job).toBe('a2');
    expect(queue.take()?.job).toBe('b1');
    expect(queue.take()?.job).toBe('a3');
  });

  it('lets one client hold at most runningPerClient workers, leaving the others for other clients', () => {
    const queue = new FairQueue<string>({ ...LIMITS, runningPerClient: 1 });
    for (const job of ['a1', 'a2', 'a3']) queue.add('a', job, 1_000_000);
    expect(queue.runnable()).toBe(1);
    expect(queue.take()).toEqual({ client: 'a', job: 'a1' });
    expect(queue.take()).toBeNull(); // a2 waits for a1, though a worker may be free
    expect(queue.runnable()).toBe(0);
    queue.add('b', 'b1', 2000);
    expect(queue.runnable()).toBe(1);
    expect(queue.take()).toEqual({ client: 'b', job: 'b1' });
    queue.done('a');
    expect(queue.take()).toEqual({ client: 'a', job: 'a2' });
  });

  it('refuses a client over its limit (waiting and running jobs count), and only that client', () => {
    const queue = new FairQueue<string>({ ...LIMITS, perClient: 3, runningPerClient: 1 });
    expect(queue.add('a', 'a1', 1)).toEqual({ ok: true });
    expect(queue.take()?.job).toBe('a1');
    expect(queue.add('a', 'a2', 1)).toEqual({ ok: true });
    expect(queue.add('a', 'a3', 1)).toEqual({ ok: true });
    expect(queue.add('a', 'a4', 1)).toEqual({ ok: false, reason: 'client' });
    expect(queue.inService('a')).toBe(3);
    for (const client of ['b', 'c', 'd']) expect(queue.add(client, `${client}1`, 1)).toEqual({ ok: true });
    // Once one of its jobs is done, the client may send another.
    queue.done('a');
    expect(queue.add('a', 'a4', 1)).toEqual({ ok: true });
  });

  it('refuses everyone once the global cap of waiting jobs is reached', () => {
    const queue = new FairQueue<string>({ ...LIMITS, perClient: 2, total: 4 });
    for (const client of ['a', 'b']) {
      queue.add(client, `${client}1`, 1);
      queue.add(client, `${client}2`, 1);
    }
    expect(queue.waiting).toBe(4);
    expect(queue.add('c', 'c1', 1)).toEqual({ ok: false, reason: 'total' });
    queue.take();
    expect(queue.add('c', 'c1', 1)).toEqual({ ok: true });
  });

  it('runs a client’s smaller jobs first, but not past a job overtaken maxPassOvers times', () => {
    const queue = new FairQueue<string>({ ...LIMITS, maxPassOvers: 2 });
    queue.add('a', 'large', 1_000_000);
    for (const job of ['s1', 's2', 's3']) queue.add('a', job, 2000);
    expect(order(queue)).toEqual(['s1', 's2', 'large', 's3']);
  });

  it('counts a place reserved before the job exists against its client only', () => {
    const queue = new FairQueue<string>({ ...LIMITS, perClient: 2, total: 1 });
    expect(queue.reserve('a')).toEqual({ ok: true });
    expect(queue.reserve('a')).toEqual({ ok: true });
    expect(queue.reserve('a')).toEqual({ ok: false, reason: 'client' });
    expect(queue.inService('a')).toBe(2);
    // Reserved places are not waiting jobs: they keep no one else out.
    expect(queue.waiting).toBe(0);
    expect(queue.reserve('b')).toEqual({ ok: true });
    // Filling a reserved place needs no new room for the client; the global cap still holds.
    expect(queue.add('a', 'a1', 1, true)).toEqual({ ok: true });
    expect(queue.add('a', 'a2', 1, true)).toEqual({ ok: false, reason: 'total' });
    expect(queue.inService('a')).toBe(1);
    queue.release('b');
    expect(queue.inService('b')).toBe(0);
    expect(order(queue)).toEqual(['a1']);
  });

  it('drops a waiting job whose client went away, and keeps the ring in order', () => {
    const queue = new FairQueue<string>({ ...LIMITS, perClient: 2 });
    queue.add('a', 'a1', 1);
    queue.add('a', 'a2', 1);
    queue.add('b', 'b1', 1);
    expect(queue.remove('a', 'a1')).toBe(true);
    expect(queue.remove('a', 'a1')).toBe(false);
    expect(queue.inService('a')).toBe(1);
    expect(queue.add('a', 'a3', 1)).toEqual({ ok: true });
    expect(queue.remove('b', 'b1')).toBe(true);
    expect(queue.inService('b')).toBe(0);
    expect(order(queue)).toEqual(['a2', 'a3']);
    // A job that started cannot be taken back.
    queue.add('c', 'c1', 1);
    expect(queue.take()?.job).toBe('c1');
    expect(queue.remove('c', 'c1')).toBe(false);
  });

  it('drain hands back every waiting job and keeps running ones counted', () => {
    const queue = new FairQueue<string>({ ...LIMITS, runningPerClient: 1 });
    queue.add('a', 'a1', 1);
    queue.add('a', 'a2', 1);
    queue.add('b', 'b1', 1);
    expect(queue.take()?.job).toBe('a1');
    expect(queue.drain().sort()).toEqual(['a2', 'b1']);
    expect(queue.waiting).toBe(0);
    expect(queue.inService('a')).toBe(1);
    expect(queue.take()).toBeNull();
    queue.done('a');
    expect(queue.inService('a')).toBe(0);
  });
});
