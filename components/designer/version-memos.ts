/**
 * Walks over the designer's design versions, remembered per object. A version never changes once made and shares
 * every object its edit did not touch (document-state.ts `shareAlongPath`), so with these memos the views that
 * derive something from every version (the provision panel, the topology) walk only the edited path of a
 * 640-tunnel design, not the whole design, on each keystroke.
 */
import type { DesignMemo } from '@/lib/connector/design-walk';

/** `withoutInactiveProtocolValues`: the design as its protocol sees it. */
export const activeProtocolViews: DesignMemo<object> = new Map();

/** `hasNamedReferences`: whether a field is written as a data source by name. */
export const namedReferenceFinds: DesignMemo<boolean> = new Map();

/** `expressionPaths`: the paths of the Terraform expressions within an object. */
export const expressionPathsWithin = new WeakMap<object, readonly string[]>();
