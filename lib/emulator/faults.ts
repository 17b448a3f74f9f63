/**
 * Fault injection: random 429/500 at configured rates, fixed latency, and
 * admin rules (kept in SQLite so every route bundle and a restart see them).
 * A rule matches by method and by a substring of the /api/... path, fires
 * `times` times, and either answers instead of the service (default) or after
 * it acted (`afterCommit`: the change is made, the response is lost).
 */
import { z } from 'zod';
import { emulatorConfig } from './config';
import { db } from './store';

export interface FaultRule {
  method?: string;
  path?: string;
  status?: number;
  retryAfter?: number;
  times: number;
  afterCommit: boolean;
  delayMs: number;
}

export const faultRulesBody = z.object({
  rules: z.array(
    z.object({
      method: z.string().min(1).optional(),
      path: z.string().optional(),
      status: z.number().int().min(400).max(599).optional(),
      retryAfter: z.number().int().min(0).optional(),
      times: z.number().int().min(1).default(1),
      afterCommit: z.boolean().default(false),
      delayMs: z.number().int().min(0).max(600_000).default(0),
    }),
  ),
});

export function addFaultRules(rules: FaultRule[]): void {
  const insert = db().prepare(
    `INSERT INTO fault_rules (method, path, status, retry_after, remaining, after_commit, delay_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db().transaction(() => {
    for (const r of rules) {
      insert.run(
        r.method?.toUpperCase() ?? null,
        r.path ?? null,
        r.status ?? null,
        r.retryAfter ?? null,
        r.times,
        r.afterCommit ? 1 : 0,
        r.delayMs,
      );
    }
  })();
}

export function listFaultRules(): Array<FaultRule & { id: number }> {
  const rows = db().prepare('SELECT * FROM fault_rules WHERE remaining > 0 ORDER BY id').all() as Array<{
    id: number;
    method: string | null;
    path: string | null;
    status: number | null;
    retry_after: number | null;
    remaining: number;
    after_commit: number;
    delay_ms: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    method: r.method ?? undefined,
    path: r.path ?? undefined,
    status: r.status ?? undefined,
    retryAfter: r.retry_after ?? undefined,
    times: r.remaining,
    afterCommit: r.after_commit === 1,
    delayMs: r.delay_ms,
  }));
}

export function clearFaultRules(): void {
  db().exec('DELETE FROM fault_rules');
}

/** Takes one use of the first rule matching this request, if any. */
export function takeFaultRule(method: string, apiPath: string): FaultRule | null {
  const conn = db();
  return conn.transaction(() => {
    const rule = listFaultRules().find(
      (r) => (!r.method || r.method === method) && (!r.path || apiPath.includes(r.path)),
    );
    if (!rule) return null;
    conn.prepare('UPDATE fault_rules SET remaining = remaining - 1 WHERE id = ?').run(rule.id);
    return rule;
  })();
}

/** A random fault at the configured rates, as a rule that answers instead of the service. */
export function randomFault(): FaultRule | null {
  const { rate429, rate500 } = emulatorConfig();
  const roll = Math.random();
  if (roll < rate429) return { status: 429, retryAfter: 1, times: 1, afterCommit: false, delayMs: 0 };
  if (roll < rate429 + rate500) return { status: 500, times: 1, afterCommit: false, delayMs: 0 };
  return null;
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

const FAULT_MESSAGES: Record<number, string> = {
  429: 'Too many requests, retry later',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service temporarily unavailable',
  504: 'Gateway timeout',
};

export function faultMessage(status: number): string {
  return FAULT_MESSAGES[status] ?? `Injected fault (HTTP ${status})`;
}
