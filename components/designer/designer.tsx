'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { emptyDesign, type ConnectorDesign } from '@/lib/connector/design';
import { connectorDesignSchema } from '@/lib/connector/schema';
import { BasicsSection, BillingTagsSection } from './basics-section';
import { clearDraft, loadDraft, saveDraft, withFormLists } from './draft-storage';
import { fieldId } from './form-fields';
import { InstancesSection, type InstancesHandle } from './instances-section';
import { IssueSummary } from './issue-summary';
import { DEFAULT_PREVIEW_HCL_OPTIONS, PreviewPane, type PreviewHclOptions } from './preview-pane';
import { SegmentOptionsSection } from './segment-options-section';
import { SegmentSuggestions } from './segment-suggestions';
import { TemplateMenu } from './template-menu';

const AUTOSAVE_MS = 300;

function freshEmptyDesign(): ConnectorDesign {
  return withFormLists(emptyDesign());
}

/** Focuses the control of `path`, or of its nearest ancestor that is on screen. */
function focusPath(path: string): boolean {
  let p = path;
  while (p) {
    const el = document.getElementById(fieldId(p));
    if (el && !el.closest('[hidden]')) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      return true;
    }
    p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
  }
  return false;
}

export function Designer() {
  const form = useForm<ConnectorDesign>({
    resolver: zodResolver(connectorDesignSchema),
    mode: 'all',
    defaultValues: freshEmptyDesign(),
  });
  const { reset, getValues, trigger, watch } = form;
  const instancesRef = useRef<InstancesHandle>(null);
  // What the form held when last loaded (empty, a template); "dirty" means the user changed it since.
  const baselineRef = useRef(JSON.stringify(freshEmptyDesign()));
  const [draftLoaded, setDraftLoaded] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [hclOptions, setHclOptions] = useState<PreviewHclOptions>(DEFAULT_PREVIEW_HCL_OPTIONS);

  // Restore the draft after hydration (the server renders the empty form).
  useEffect(() => {
    const draft = loadDraft();
    if (draft) {
      reset(draft);
      void trigger();
    }
    setDraftLoaded(true);
  }, [reset, trigger]);

  // Autosave, debounced; a pending save is flushed when the page goes away.
  useEffect(() => {
    if (!draftLoaded) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      saveDraft(getValues());
      setSavedAt(new Date());
    };
    const sub = watch(() => {
      clearTimeout(timer);
      timer = setTimeout(flush, AUTOSAVE_MS);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      flush();
      sub.unsubscribe();
      window.removeEventListener('pagehide', flush);
    };
  }, [draftLoaded, watch, getValues]);

  const isDirty = () => JSON.stringify(getValues()) !== baselineRef.current;

  const loadDesign = (design: ConnectorDesign, title: string) => {
    if (isDirty() && !window.confirm(`Replace the current design with "${title}"? Your changes will be lost.`)) return;
    const next = withFormLists(design);
    baselineRef.current = JSON.stringify(next);
    reset(next);
    // Show findings of a loaded design straight away.
    void trigger();
  };

  const resetForm = () => {
    if (!window.confirm('Reset the designer? This clears the form and the saved draft.')) return;
    const next = freshEmptyDesign();
    baselineRef.current = JSON.stringify(next);
    reset(next);
    clearDraft();
    setSavedAt(null);
  };

  const focusIssue = useCallback((path: string) => {
    const m = /^instances\.(\d+)/.exec(path);
    // Expand a collapsed instance synchronously so the field exists and is visible before focusing.
    if (m) flushSync(() => instancesRef.current?.expand(Number(m[1])));
    focusPath(path);
  }, []);

  const validateAll = async () => {
    await trigger();
    document.getElementById('error-summary')?.focus();
  };

  return (
    <FormProvider {...form}>
      <div className="mx-auto max-w-[1680px] px-4 py-4">
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <div className="mr-auto">
            <h1 className="text-lg font-semibold text-slate-900">Connector designer</h1>
            <p className="text-xs text-slate-500">Azure ExpressRoute connector · alkira_connector_azure_expressroute</p>
          </div>
          <span className="text-xs text-slate-500" aria-live="polite" data-testid="autosave-status">
            {savedAt ? `Draft saved ${savedAt.toLocaleTimeString()}` : 'Drafts save automatically'}
          </span>
          <TemplateMenu onChoose={loadDesign} />
          <button type="button" className="btn-secondary text-xs" onClick={validateAll}>
            Validate all
          </button>
          <button type="button" className="btn-secondary text-xs text-red-700" onClick={resetForm}>
            Reset
          </button>
        </div>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,7fr)_minmax(0,6fr)]">
          <form
            noValidate
            aria-label="Connector design"
            className="min-w-0 space-y-4"
            onSubmit={(e) => {
              // Enter in a text field must not reload the page; there is nothing to submit.
              e.preventDefault();
            }}
          >
            <SegmentSuggestions />
            <BasicsSection />
            <InstancesSection ref={instancesRef} />
            <SegmentOptionsSection />
            <BillingTagsSection />
          </form>
          <aside className="flex min-w-0 flex-col gap-3 lg:sticky lg:top-16 lg:h-[calc(100vh-5rem)] lg:self-start">
            <IssueSummary onSelect={focusIssue} pskAsVariables={hclOptions.preSharedKeys === 'variable'} />
            <div className="h-[70vh] min-h-0 lg:h-auto lg:flex-1">
              <PreviewPane options={hclOptions} onOptionsChange={setHclOptions} />
            </div>
          </aside>
        </div>
      </div>
    </FormProvider>
  );
}
