/**
 * Attaches validation issues to diagram nodes: each issue goes to the node
 * with the deepest form path that is a prefix of the issue's path (whole
 * dotted segments, so `instances.1` does not claim `instances.10.name`).
 * Connector-level issues fall through to the vHub node, whose path is ''.
 */
import type { DiagramIssues, DiagramNode } from './types';

const MASK = '••••••';

/** Keys are masked from their fourth character on: shorter ones are not looked for (see secretsOf in graph.ts). */
const PREFIX = 4;

/**
 * Masks every literal key a message quotes. The keys are indexed by their first characters, so each message is
 * scanned once: a 640-tunnel design's messages checked key by key took tens of milliseconds per redraw.
 */
function masker(secrets: readonly string[]): (message: string) => string {
  const byPrefix = new Map<string, string[]>();
  for (const secret of new Set(secrets)) {
    if (secret.length < PREFIX) continue;
    const prefix = secret.slice(0, PREFIX);
    const keys = byPrefix.get(prefix);
    if (keys) keys.push(secret);
    else byPrefix.set(prefix, [secret]);
  }
  // The longest first, so a key that starts with another is masked whole.
  for (const keys of byPrefix.values()) keys.sort((a, b) => b.length - a.length);
  return (message) => {
    if (byPrefix.size === 0) return message;
    let out = '';
    let copied = 0;
    let i = 0;
    while (i + PREFIX <= message.length) {
      const key = byPrefix.get(message.slice(i, i + PREFIX))?.find((k) => message.startsWith(k, i));
      if (key === undefined) {
        i++;
        continue;
      }
      out += message.slice(copied, i) + MASK;
      i += key.length;
      copied = i;
    }
    return copied === 0 ? message : out + message.slice(copied);
  };
}

/**
 * A lookup from a form path to the node owning it. The first node registered
 * for a path wins, so two nodes sharing one (both routers on
 * `redundant_router`) do not both claim it.
 */
export function pathOwnerLookup(nodes: DiagramNode[]): (path: string) => DiagramNode | undefined {
  const byPrefix = new Map<string, DiagramNode>();
  const register = (prefix: string, node: DiagramNode) => {
    if (!byPrefix.has(prefix)) byPrefix.set(prefix, node);
  };
  for (const node of nodes) register(node.formPath, node);
  for (const node of nodes) for (const prefix of node.alsoPaths ?? []) register(prefix, node);

  return (path: string) => {
    const parts = typeof path === 'string' && path !== '' ? path.split('.') : [];
    for (let n = parts.length; n >= 0; n--) {
      const hit = byPrefix.get(parts.slice(0, n).join('.'));
      if (hit) return hit;
    }
    return undefined;
  };
}

export function attachIssues(nodes: DiagramNode[], issues: DiagramIssues, secrets: string[]): void {
  const owner = pathOwnerLookup(nodes);
  const mask = masker(secrets);
  for (const issue of Array.isArray(issues.errors) ? issues.errors : []) {
    owner(issue?.path)?.errors.push(mask(String(issue?.message ?? '')));
  }
  for (const issue of Array.isArray(issues.warnings) ? issues.warnings : []) {
    owner(issue?.path)?.warnings.push(mask(String(issue?.message ?? '')));
  }
}
