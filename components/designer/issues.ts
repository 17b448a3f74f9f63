import type { DesignIssue } from '@/lib/connector/design';

/**
 * Flattens react-hook-form's nested error tree into `{ path, message }` items.
 * Array-level errors sit under `root` (or directly on the array), which maps
 * back to the array's own path.
 */
export function flattenFieldErrors(errors: unknown, prefix = ''): DesignIssue[] {
  const out: DesignIssue[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    if (typeof rec.message === 'string' && rec.message && typeof rec.type === 'string') {
      out.push({ path, message: rec.message });
    }
    for (const [key, child] of Object.entries(rec)) {
      if (key === 'ref' || key === 'message' || key === 'type' || key === 'types') continue;
      if (key === 'root') {
        walk(child, path);
        continue;
      }
      walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(errors, prefix);
  return out;
}
