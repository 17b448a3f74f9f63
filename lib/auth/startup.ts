/** Exits the server process (code 1, reason on stderr) when `startupProblem` finds one. Node.js only. */
import { startupProblem } from './config';

export function refuseUnsafeStart(env: NodeJS.ProcessEnv = process.env): void {
  const problem = startupProblem(env);
  if (!problem) return;
  console.error(`Connector Studio will not start: ${problem}`);
  process.exit(1);
}
