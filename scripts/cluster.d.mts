// Types of scripts/cluster.mjs for the TypeScript that uses it (the bench, the Playwright config).
export interface RunningCluster {
  dir: string;
  databaseUrl: string;
  /** The balancer's origin (HAProxy in front of both instances). */
  balancer: string;
  instances: { a: string; b: string };
  pids: Record<string, number>;
  stop(): Promise<void>;
}

export function startCluster(options?: {
  basePort?: number;
  env?: Record<string, string>;
  log?: (message: string) => void;
}): Promise<RunningCluster>;
