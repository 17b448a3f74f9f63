/**
 * Short help for every field: the resource description's documentation
 * (lib/connector/resource), looked up by the field's path.
 */
import { helpForPath } from '@/lib/connector/resource';

/** The help text for a concrete path such as `instances.0.loopback_subnet` (a list item gets its list's help). */
export function helpFor(path: string): string | undefined {
  return helpForPath(path);
}
