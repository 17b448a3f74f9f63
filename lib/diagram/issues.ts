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
export function pathOwnerLookup(nodes: readonly DiagramNode[]): (path: unknown) => DiagramNode | undefined {
  const byPrefix = new Map<string, DiagramNode>();
  const register = (prefix: string, node: DiagramNode) => {
    if (!byPrefix.has(prefix)) byPrefix.set(prefix, node);
  };
  for (const node of nodes) register(node.formPath, node);
  for (const node of nodes) for (const prefix of node.alsoPaths ?? []) register(prefix, node);

  return (path: unknown) => {
    // The path, then each whole-segment prefix of it, down to '' (the connector).
    let prefix = typeof path === 'string' ? path : '';
    for (;;) {
      const hit = byPrefix.get(prefix);
      if (hit || prefix === '') return hit;
      const dot = prefix.lastIndexOf('.');
      prefix = dot < 0 ? '' : prefix.slice(0, dot);
    }
  };
}

/**
 * What nodesWithIssues keeps across the versions of one design: the masker of the last set of keys (with the
 * messages it masked), and each node's copy with its findings while they stay the same.
 */
export class NodeIssues {
  private masking: { keys: string; mask: (message: string) => string } | null = null;
  readonly copies = new WeakMap<DiagramNode, { findings: string; node: DiagramNode }>();

  maskerOf(secrets: readonly string[]): (message: string) => string {
    const keys = secrets.join('\n');
    if (this.masking?.keys !== keys) {
      const mask = masker(secrets);
      const masked = new Map<string, string>();
      this.masking = {
        keys,
        mask: (message) => {
          const known = masked.get(message);
          if (known !== undefined) return known;
          const out = mask(message);
          masked.set(message, out);
          return out;
        },
      };
    }
    return this.masking.mask;
  }
}

/**
 * The nodes with the issues under each (masked): a node with none is itself (nodes come with empty lists); one
 * with some is a copy — the nodes given are never changed, so a view may keep them. With `kept`, a node whose
 * findings are what they were keeps the copy it had.
 */
export function nodesWithIssues(
  nodes: readonly DiagramNode[],
  issues: DiagramIssues,
  secrets: string[],
  kept?: NodeIssues,
): DiagramNode[] {
  const owner = pathOwnerLookup(nodes);
  const mask = kept ? kept.maskerOf(secrets) : masker(secrets);
  const found = new Map<DiagramNode, { errors: string[]; warnings: string[] }>();
  const add = (list: unknown, which: 'errors' | 'warnings') => {
    for (const issue of Array.isArray(list) ? (list as { path?: unknown; message?: unknown }[]) : []) {
      const node = owner(issue?.path);
      if (!node) continue;
      let lists = found.get(node);
      if (!lists) {
        lists = { errors: [], warnings: [] };
        found.set(node, lists);
      }
      lists[which].push(mask(String(issue?.message ?? '')));
    }
  };
  add(issues.errors, 'errors');
  add(issues.warnings, 'warnings');
  if (found.size === 0) return nodes.slice();
  return nodes.map((node) => {
    const lists = found.get(node);
    if (!lists) return node;
    if (!kept) return { ...node, ...lists };
    const findings = `${lists.errors.join('\n')}\u0000${lists.warnings.join('\n')}`;
    const copy = kept.copies.get(node);
    if (copy?.findings === findings) return copy.node;
    const next = { ...node, ...lists };
    kept.copies.set(node, { findings, node: next });
    return next;
  });
}
