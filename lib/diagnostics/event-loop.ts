import 'server-only';
/**
 * Event-loop delay as the server itself sees it (perf_hooks'
 * monitorEventLoopDelay), for the fuzz's "no request blocks the loop for more
 * than 100 ms" criterion. Only with CONNECTOR_STUDIO_DIAGNOSTICS=1 (started at
 * boot by instrumentation.ts; one histogram per process, shared by bundles).
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

const KEY = Symbol.for('connector-studio.event-loop-delay');
type WithHistogram = typeof globalThis & { [KEY]?: IntervalHistogram };

export function diagnosticsEnabled(): boolean {
  return process.env.CONNECTOR_STUDIO_DIAGNOSTICS === '1';
}

export function startEventLoopMonitor(): void {
  const g = globalThis as WithHistogram;
  if (g[KEY]) return;
  // 10 ms sampling: a stall shows up as one long sample.
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  g[KEY] = histogram;
}

export interface EventLoopReport {
  maxDelayMs: number;
  p99DelayMs: number;
  meanDelayMs: number;
  rssBytes: number;
}

/** The delays since start (or the last reset), in ms; `reset` starts a new window. */
export function eventLoopReport(reset = false): EventLoopReport | null {
  const histogram = (globalThis as WithHistogram)[KEY];
  if (!histogram) return null;
  const ms = (ns: number) => Math.round((Number.isFinite(ns) ? ns : 0) / 1e4) / 100;
  const report = {
    maxDelayMs: ms(histogram.max),
    p99DelayMs: ms(histogram.percentile(99)),
    meanDelayMs: ms(histogram.mean),
    rssBytes: process.memoryUsage().rss,
  };
  if (reset) histogram.reset();
  return report;
}
