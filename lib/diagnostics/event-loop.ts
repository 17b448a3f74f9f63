import 'server-only';
/**
 * Event-loop delay as the server itself sees it, for the fuzz's "no request
 * blocks the loop for more than 100 ms" criterion. Only with
 * CONNECTOR_STUDIO_DIAGNOSTICS=1 (started at boot by instrumentation.ts; one
 * monitor per process, shared by every route bundle).
 *
 * Two figures: `maxDelayMs` is perf_hooks' monitorEventLoopDelay, the wall-clock
 * lateness of the loop — which also counts time the operating system did not
 * run the process at all (on a shared, overloaded machine that alone reaches
 * hundreds of ms). `maxBlockedMs` bounds each late tick by the CPU time the
 * main thread itself used meanwhile (Linux /proc per-thread counters, 10 ms
 * resolution), so it measures what our code held the loop for.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';

const KEY = Symbol.for('connector-studio.event-loop-delay');

interface Monitor {
  histogram: IntervalHistogram;
  maxBlockedMs: number;
}

type WithMonitor = typeof globalThis & { [KEY]?: Monitor };

const SAMPLE_MS = 10;

export function diagnosticsEnabled(): boolean {
  return process.env.CONNECTOR_STUDIO_DIAGNOSTICS === '1';
}

/** CPU time the main thread has used, in ms (null where /proc is unavailable). */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'latin1');
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of those.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

export function startEventLoopMonitor(): void {
  const g = globalThis as WithMonitor;
  if (g[KEY]) return;
  const histogram = monitorEventLoopDelay({ resolution: SAMPLE_MS });
  histogram.enable();
  const monitor: Monitor = { histogram, maxBlockedMs: 0 };
  g[KEY] = monitor;
  let lastAt = performance.now();
  let lastCpu = mainThreadCpuMs();
  setInterval(() => {
    const now = performance.now();
    const cpu = mainThreadCpuMs();
    const late = now - lastAt - SAMPLE_MS;
    const used = cpu !== null && lastCpu !== null ? cpu - lastCpu : late;
    monitor.maxBlockedMs = Math.max(monitor.maxBlockedMs, Math.min(late, used));
    lastAt = now;
    lastCpu = cpu;
  }, SAMPLE_MS).unref();
}

export interface EventLoopReport {
  maxDelayMs: number;
  p99DelayMs: number;
  meanDelayMs: number;
  maxBlockedMs: number;
  rssBytes: number;
}

/** The figures since start (or the last reset), in ms; `reset` starts a new window. */
export function eventLoopReport(reset = false): EventLoopReport | null {
  const monitor = (globalThis as WithMonitor)[KEY];
  if (!monitor) return null;
  const { histogram } = monitor;
  const ms = (ns: number) => Math.round((Number.isFinite(ns) ? ns : 0) / 1e4) / 100;
  const report = {
    maxDelayMs: ms(histogram.max),
    p99DelayMs: ms(histogram.percentile(99)),
    meanDelayMs: ms(histogram.mean),
    maxBlockedMs: Math.round(Math.max(0, monitor.maxBlockedMs) * 100) / 100,
    rssBytes: process.memoryUsage().rss,
  };
  if (reset) {
    histogram.reset();
    monitor.maxBlockedMs = 0;
  }
  return report;
}
