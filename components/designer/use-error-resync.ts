import { useEffect } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import type { ConnectorDesign, DesignIssue } from '@/lib/connector/design';
import type { FormPath } from './form-types';
import { flattenFieldErrors } from './issues';

/**
 * react-hook-form re-validates only the field being edited, but many rules
 * span fields (an IPsec segment needs a segment option; loopbacks must not
 * overlap). Without this, an error raised on one field would stay after the
 * user fixed it elsewhere. Given the current full validation, it re-runs the
 * resolver for every path whose shown error is stale, and for touched or
 * edited fields that gained an error through another field.
 */
export function useErrorResync(current: DesignIssue[]) {
  const { trigger, getFieldState, control } = useFormContext<ConnectorDesign>();
  const { errors } = useFormState({ control });

  useEffect(() => {
    const shown = new Map(flattenFieldErrors(errors).map((i) => [i.path, i.message]));
    const wanted = new Map<string, string>();
    for (const issue of current) if (!wanted.has(issue.path)) wanted.set(issue.path, issue.message);

    const stale = new Set<string>();
    for (const [path, message] of shown) if (wanted.get(path) !== message) stale.add(path);
    for (const [path] of wanted) {
      if (shown.has(path) || path === '') continue;
      const state = getFieldState(path as FormPath);
      if (state.isTouched || state.isDirty) stale.add(path);
    }
    if (stale.size) void trigger([...stale] as FormPath[]);
    // `errors` is read, not a dependency: re-running on every error update would loop.
  }, [current, trigger, getFieldState]);
}
