/**
 * Reads HCL render options from untrusted input (an API body), rejecting
 * unknown values with a message that names the option.
 */
import type { DesignIssue, HclRenderOptions } from './design';

export function parseHclRenderOptions(input: unknown): { options: HclRenderOptions; errors: DesignIssue[] } {
  const errors: DesignIssue[] = [];
  const options: HclRenderOptions = {};
  if (input === undefined || input === null) return { options, errors };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return {
      options,
      errors: [
        {
          path: 'options',
          message: 'options must be an object like { "omitDefaults": true, "preSharedKeys": "variable" }',
        },
      ],
    };
  }
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (key !== 'omitDefaults' && key !== 'preSharedKeys') {
      errors.push({
        path: `options.${key}`,
        message: `Unknown option "${key}"; the options are omitDefaults and preSharedKeys`,
      });
    }
  }
  if (o.omitDefaults !== undefined) {
    if (typeof o.omitDefaults === 'boolean') options.omitDefaults = o.omitDefaults;
    else errors.push({ path: 'options.omitDefaults', message: 'omitDefaults must be true or false' });
  }
  if (o.preSharedKeys !== undefined) {
    if (o.preSharedKeys === 'variable' || o.preSharedKeys === 'inline') options.preSharedKeys = o.preSharedKeys;
    else errors.push({ path: 'options.preSharedKeys', message: 'preSharedKeys must be "variable" or "inline"' });
  }
  return { options, errors };
}
