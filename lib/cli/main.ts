/**
 * `connector-studio check [paths…]`: checks every
 * `alkira_connector_azure_expressroute` resource in the `.tf` files under the
 * paths (default `.`) with the app's own importer and rules, and with
 * `--tenant` against the live tenant too. Exit status: 0 without errors, 1
 * with errors, 2 for a usage error or a file, directory or tenant that
 * cannot be read (the message on stderr).
 */
import { readFileSync } from 'node:fs';
import { checkFile, type Finding } from './findings';
import { PathError, terraformFiles } from './files';
import { formatJson, formatSarif, formatText, summaryLine } from './format';
import { fetchTenantIndex, portalFromEnv, TenantError } from './tenant';
import type { TenantIndex } from '@/lib/connector/tenant';
import { itemAt } from '@/lib/util/indexing';

export const USAGE = `Usage: connector-studio check [options] [paths…]

Checks every alkira_connector_azure_expressroute resource in the .tf files
under the paths (default: the current directory) as Connector Studio does.

Options:
  --format text|json|sarif  Output format (default text: path:line:column: severity: message [rule-id])
  --tenant                  Also check against the live tenant (overlapping addresses, taken
                            names, unknown references); needs ALKIRA_PORTAL and ALKIRA_API_KEY
  -h, --help                Show this help
  --version                 Show the version

Exit status: 0 no errors, 1 errors found, 2 usage or read error.
`;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  version: string;
}

class UsageError extends Error {}

interface Options {
  format: Format;
  tenant: boolean;
  paths: string[];
}

function parseArgs(args: readonly string[]): Options | 'help' | 'version' {
  const opts: Options = { format: 'text', tenant: false, paths: [] };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = itemAt(args, i, 'argument');
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--version') return 'version';
    if (arg === '--tenant') opts.tenant = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (!(FORMATS as readonly string[]).includes(value ?? ''))
        throw new UsageError(
          `--format must be one of ${FORMATS.join(', ')}${value === undefined ? '' : `, not ${JSON.stringify(value)}`}`,
        );
      opts.format = value as Format;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [command, ...paths] = positional;
  if (command === undefined) throw new UsageError('missing command: check');
  if (command !== 'check') throw new UsageError(`unknown command ${JSON.stringify(command)}; the command is check`);
  opts.paths = paths.length > 0 ? paths : ['.'];
  return opts;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function run(args: readonly string[], io: Io): Promise<number> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(args);
  } catch (err) {
    io.stderr(`connector-studio: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (opts === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (opts === 'version') {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  let tenant: TenantIndex | undefined;
  const findings: Finding[] = [];
  let files: string[];
  try {
    files = terraformFiles(opts.paths);
    // The tenant is fetched while the files are read and checked offline.
    const pending = opts.tenant ? fetchTenantIndex(portalFromEnv(io.env)) : undefined;
    pending?.catch(() => undefined);
    const texts = files.map((file) => {
      try {
        return decoder.decode(readFileSync(file));
      } catch (err) {
        throw new PathError(`${file}: ${err instanceof TypeError ? 'not UTF-8 text' : (err as Error).message}`);
      }
    });
    tenant = await pending;
    texts.forEach((text, i) => findings.push(...checkFile(itemAt(files, i, 'file'), text, tenant)));
  } catch (err) {
    if (err instanceof PathError || err instanceof TenantError) {
      io.stderr(`connector-studio: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (opts.format === 'json') io.stdout(formatJson(findings, files.length));
  else if (opts.format === 'sarif') io.stdout(formatSarif(findings, io.version));
  else {
    io.stdout(formatText(findings));
    io.stderr(`${summaryLine(findings, files.length)}\n`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
