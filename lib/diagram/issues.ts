/**
 * Attaches validation issues to diagram nodes: each issue goes to the node
 * with the deepest form path that is a prefix of the issue's path (whole
 * dotted segments, so `instances.1` does not claim `instances.10.name`).
 * Connector-level issues fall through to the vHub node, whose path is ''.
 */
import type { DiagramIssues, DiagramNode } from './types';

const MASK = '••••••';

function mask(message: string, secrets: string[]): string {
  let out = message;
  for (const secret of secrets) out = out.split(secret).join(MASK);
  return out;
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
  for (const issue of Array.isArray(issues.errors) ? issues.errors : []) {
    owner(issue?.path)?.errors.push(mask(String(issue?.message ?? ''), secrets));
  }
  for (const issue of Array.isArray(issues.warnings) ? issues.warnings : []) {
    owner(issue?.path)?.warnings.push(mask(String(issue?.message ?? ''), secrets));
  }
}
