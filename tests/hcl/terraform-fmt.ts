/** Runs the real terraform binary: `fmt`, and decoding of literals via outputs. */

/** Runs the real `terraform fmt` on HCL text (no CLI config, so no network or plugins). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const TERRAFORM = '/usr/local/bin/terraform';

export function terraformFmt(hcl: string): string {
  return execFileSync(TERRAFORM, ['fmt', '-no-color', '-'], {
    input: hcl,
    encoding: 'utf8',
    env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/**
 * The strings Terraform itself decodes from HCL string literals: each literal
 * becomes an output of an otherwise empty configuration (no providers needed).
 */
export function terraformDecodeStrings(literals: string[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'hcl-decode-'));
  try {
    writeFileSync(path.join(dir, 'main.tf'), `output "v" {\n  value = [${literals.join(', ')}]\n}\n`);
    const run = (args: string[]) =>
      execFileSync(TERRAFORM, args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    run(['apply', '-auto-approve', '-input=false', '-no-color']);
    return JSON.parse(run(['output', '-json', 'v'])) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
