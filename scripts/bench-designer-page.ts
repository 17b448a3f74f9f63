/**
 * The designer page as the browser benchmarks see it (scripts/bench-browser.ts,
 * scripts/bench-designer-paste.ts): what is installed in the page before any of
 * its own scripts run, opening the designer, and reading the clocks back.
 *
 * Every time is the page's `performance.now()`, i.e. milliseconds from the
 * navigation's start (the document's time origin), so times taken in the page
 * can be subtracted from each other directly.
 */
import type { Page } from '@playwright/test';
import type { ConnectorDesign } from '../lib/connector/design';
import { renderConnectorHcl, resourceLabel } from '../lib/connector/hcl/render';
import { withoutInactiveProtocolValues } from '../lib/connector/protocol-values';
import { DRAFT_KEY, DRAFT_SECRETS_KEY, storedDraft } from '../components/designer/draft-storage';
import { secretsFromDesign } from '../components/designer/document-secrets';

export { DRAFT_KEY };

/**
 * The draft the designer itself keeps of `design`: its file (keys in variables, defaults left out: the designer's
 * default options) in localStorage, deflated when large, and the keys' values in this tab's sessionStorage.
 */
function draftOf(design: ConnectorDesign): { entry: string; secrets: string } {
  const text = renderConnectorHcl(withoutInactiveProtocolValues(design), {
    omitDefaults: true,
    preSharedKeys: 'variable',
  });
  const stored = storedDraft(text, resourceLabel(design.resource_name));
  const variables = Object.fromEntries(secretsFromDesign(text, design));
  return { entry: stored.entry, secrets: JSON.stringify({ inline: stored.inline, variables }) };
}
/** The designer says it is ready (the draft is in the form; an edit made before would be replaced by it). */
export const READY_SELECTOR = 'form[aria-label="Connector design"][data-ready="true"]';
/** The static highlighted HCL the preview shows until CodeMirror has loaded (then `window.__hclText()` reads the editor). */
export const PREVIEW_SELECTOR = '[data-testid="hcl-preview"]';
export const EDITOR_SELECTOR = '[data-testid="hcl-editor"] .cm-content';
export const NAME_INPUT_SELECTOR = '[id="field-name"]';
/** Any step that has not finished by then is reported as "timeout" (the run goes on). */
export const STEP_LIMIT_MS = 60_000;
/** A keystroke's signal not seen by then is a timeout. */
export const KEY_LIMIT_MS = 5000;

export interface LongTaskEntry {
  start: number;
  duration: number;
}

export interface EventEntry {
  name: string;
  start: number;
  duration: number;
  interactionId: number;
}

/** What the init script keeps on `window.__designer`. */
export interface DesignerProbe {
  /** performance.now() when the ready attribute first appeared. */
  readyAt?: number;
  /** performance.now() when a diagram node showing the design's name was first on screen. */
  topologyAt?: number;
  longTasks: LongTaskEntry[];
  events: EventEntry[];
}

declare global {
  interface Window {
    __designer?: DesignerProbe;
    __designerKey?: Promise<KeyMeasurement>;
    __armKey?: (value: string, wantForm: boolean, limitMs: number) => void;
    /** The HCL the preview shows: the editor's whole text (CodeMirror's state) once it has loaded, the static highlight before. */
    __hclText?: () => string;
  }
}

/** One keystroke: from its keydown timestamp to each signal; undefined where the signal did not come in time. */
export interface KeyMeasurement {
  keyAt: number;
  toPreview?: number;
  toForm?: number;
}

export class StepTimeout extends Error {
  constructor(readonly step: string) {
    super(`${step}: no result within ${STEP_LIMIT_MS / 1000} s`);
  }
}

/** `promise`, or a StepTimeout after `limitMs` (the promise is left to settle on its own). */
export async function within<T>(step: string, promise: Promise<T>, limitMs = STEP_LIMIT_MS): Promise<T> {
  promise.catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StepTimeout(step)), limitMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function quantile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}

/** Long tasks that start in [from, to]: the longest and how many (every long task is over 50 ms). */
export function longTasksIn(tasks: LongTaskEntry[], from: number, to = Number.POSITIVE_INFINITY) {
  const inside = tasks.filter((t) => t.start >= from && t.start <= to);
  return { longest: inside.length ? Math.max(...inside.map((t) => t.duration)) : 0, count: inside.length };
}

/** What is left, at `at`, of a long task that started before it (0 when none was running). */
export function taskRunningAt(tasks: LongTaskEntry[], at: number): number {
  const running = tasks.find((t) => t.start < at && t.start + t.duration > at);
  return running ? running.start + running.duration - at : 0;
}

/** What to do in the page at ready, before the first keystroke (sent by the runner as soon as it hears of it). */
export type AtReady =
  | { mode: 'none' }
  /** Focus the Name field, caret at its end, and arm the measurement of typing `firstKey` there. */
  | { mode: 'form'; firstKey: string }
  /**
   * Once the editor has loaded and holds the connector: put its cursor before the
   * closing quote of the resource's `name = "…"` (a selection through the EditorView
   * found from the DOM; no edit), focus it, and arm the measurement of `firstKey`.
   */
  | { mode: 'editor'; firstKey: string };

/** Sent from the page when it is ready and, with a mode, prepared for the first keystroke. */
export interface Prepared {
  readyAt: number;
  preparedAt: number;
  /** The text the first keystroke extends (the name), when the page found it. */
  value?: string;
  /** How the page was prepared; "keyboard" asks the runner to place the editor's cursor itself. */
  how: string;
}

/**
 * Installed before the page's own scripts (addInitScript): the ready observer
 * (a MutationObserver on the document, which calls back in the microtask after
 * React sets the attribute, with a requestAnimationFrame loop as a fallback),
 * buffered observers for long tasks and Event Timing entries, `__armKey` (the
 * keystroke probe), the preparation for the first keystroke, and, given a
 * design name, a rAF loop that notes when the topology shows it. The page tells
 * the runner through an exposed binding, so no polling stands between ready
 * and the first keystroke.
 */
async function instrument(
  page: Page,
  topologyName: string | undefined,
  atReady: AtReady,
): Promise<{ prepared: Promise<Prepared> }> {
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  let resolve: (p: Prepared) => void = () => {};
  const prepared = new Promise<Prepared>((r) => {
    resolve = r;
  });
  await page.exposeBinding('__benchPrepared', (_source, info: Prepared) => resolve(info));
  await page.addInitScript(
    ([readySelector, name, ready, sel]) => {
      const probe: DesignerProbe = { longTasks: [], events: [] };
      window.__designer = probe;
      window.__hclText = () => {
        // EditorView.findFromDOM, as @codemirror/view does it (its DOM holds only the lines in its window).
        type ViewLike = { state: { doc: { toString(): string } } };
        const content = document.querySelector(sel.editor) as
          | (Element & { cmTile?: { root?: { view?: ViewLike } }; cmView?: { rootView?: { view?: ViewLike } } })
          | null;
        const view = content?.cmTile?.root?.view ?? content?.cmView?.rootView?.view;
        return view ? view.state.doc.toString() : (document.querySelector(sel.preview)?.textContent ?? '');
      };
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            const interactionId = (e as PerformanceEventTiming).interactionId ?? 0;
            probe.events.push({ name: e.name, start: e.startTime, duration: e.duration, interactionId });
          }
        }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
      } catch {
        // An entry type this browser lacks: those numbers stay empty.
      }

      /**
       * Arms the probe for the next keystroke: from its keydown's timestamp to the
       * preview holding `"value"` and (wantForm) the Name field holding `value`;
       * a signal not seen within `limit` ms of the keydown stays undefined.
       */
      window.__armKey = (value: string, wantForm: boolean, limit: number) => {
        window.__designerKey = new Promise<KeyMeasurement>((done) => {
          const m: KeyMeasurement = { keyAt: 0 };
          const needle = `"${value}"`;
          let finished = false;
          const check = () => {
            if (finished || !m.keyAt) return;
            const now = performance.now();
            // A signal later than the limit is a timeout, even when it is seen.
            if (now - m.keyAt > limit) return finish();
            if (m.toPreview === undefined && window.__hclText!().includes(needle)) m.toPreview = now - m.keyAt;
            if (
              wantForm &&
              m.toForm === undefined &&
              (document.querySelector(sel.input) as HTMLInputElement | null)?.value === value
            )
              m.toForm = now - m.keyAt;
            if (m.toPreview !== undefined && (!wantForm || m.toForm !== undefined)) finish();
          };
          const onKey = (e: Event) => {
            m.keyAt = e.timeStamp;
            document.removeEventListener('keydown', onKey, true);
          };
          document.addEventListener('keydown', onKey, true);
          // The preview pane (editor or static preview) is watched; a field's value is a property: polled every frame.
          const root =
            (document.querySelector(sel.editor) ?? document.querySelector(sel.preview))?.closest('section') ??
            document.body;
          const observer = new MutationObserver(check);
          observer.observe(root, { subtree: true, childList: true, characterData: true });
          const frame = () => {
            if (finished) return;
            check();
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
          function finish() {
            finished = true;
            observer.disconnect();
            done(m);
          }
        });
      };

      const tell = (info: { value?: string; how: string }) => {
        const send = (window as unknown as { __benchPrepared?: (p: Prepared) => void }).__benchPrepared;
        send?.({ readyAt: probe.readyAt!, preparedAt: performance.now(), ...info });
      };
      /** Until `attempt` says it is done: on every DOM change and every frame. */
      const until = (attempt: () => boolean) => {
        if (attempt()) return;
        let over = false;
        const observer = new MutationObserver(() => {
          if (!over && attempt()) stop();
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true });
        const frame = () => {
          if (over) return;
          if (attempt()) stop();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        function stop() {
          over = true;
          observer.disconnect();
        }
      };
      const prepareForm = (firstKey: string) => {
        const input = document.querySelector(sel.input) as HTMLInputElement | null;
        if (!input) return tell({ how: 'no Name field' });
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
        window.__armKey!(input.value + firstKey, false, sel.limit);
        tell({ value: input.value, how: 'focus' });
      };
      const prepareEditor = (firstKey: string) =>
        until(() => {
          type ViewLike = { state: { doc: { toString(): string } }; dispatch(spec: unknown): void; focus(): void };
          const content = document.querySelector(sel.editor) as
            | (Element & {
                cmTile?: { root?: { view?: ViewLike } };
                cmView?: { rootView?: { view?: ViewLike }; view?: ViewLike };
              })
            | null;
          if (!content) return false;
          const view = content.cmTile?.root?.view ?? content.cmView?.rootView?.view ?? content.cmView?.view;
          if (!view) {
            tell({ how: 'keyboard' });
            return true;
          }
          const text = view.state.doc.toString();
          const at = text.search(/resource\s+"alkira_connector_azure_expressroute"/);
          if (at < 0) return false;
          const re = /\n[ \t]*name[ \t]*=[ \t]*"((?:[^"\\\n]|\\.)*)"/g;
          re.lastIndex = at;
          const m = re.exec(text);
          // Wait for the editor to hold the draft, not the empty form it may start with.
          if (!m || (name && m[1] !== name)) return false;
          view.dispatch({ selection: { anchor: m.index + m[0].length - 1 }, scrollIntoView: true });
          view.focus();
          window.__armKey!(m[1] + firstKey, true, sel.limit);
          tell({ value: m[1], how: 'EditorView selection' });
          return true;
        });
      const onReady = () => {
        if (ready.mode === 'form') prepareForm(ready.firstKey);
        else if (ready.mode === 'editor') prepareEditor(ready.firstKey);
        else tell({ how: 'none' });
      };

      const isReady = () => {
        if (probe.readyAt !== undefined) return true;
        if (!document.querySelector(readySelector)) return false;
        probe.readyAt = performance.now();
        onReady();
        return true;
      };
      const observer = new MutationObserver(() => {
        if (isReady()) observer.disconnect();
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
      const frame = () => {
        if (isReady()) observer.disconnect();
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      if (name) {
        // Topology on screen: the first diagram node carrying the connector's name (its vHub does).
        const check = () => {
          const shown = [...document.querySelectorAll('.react-flow__node')].some((n) =>
            (n.textContent ?? '').includes(name),
          );
          if (shown) probe.topologyAt = performance.now();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }
    },
    [
      READY_SELECTOR,
      topologyName ?? '',
      atReady,
      { input: NAME_INPUT_SELECTOR, preview: PREVIEW_SELECTOR, editor: EDITOR_SELECTOR, limit: KEY_LIMIT_MS },
    ] as const,
  );
  return { prepared };
}

/**
 * Opens /designer, with `design` as the saved draft (the new-design draft in
 * localStorage, as the designer keeps it) or, without one, an empty draft;
 * resolves once the designer says it is ready and the page has done what
 * `atReady` asks (at once for "none"; the editor may load after ready).
 */
export async function openDesigner(
  page: Page,
  baseURL: string,
  design: ConnectorDesign | null,
  atReady: AtReady = { mode: 'none' },
): Promise<Prepared> {
  const { prepared } = await instrument(page, design?.name, atReady);
  const draft = design ? draftOf(design) : null;
  await page.addInitScript(
    ([key, secretsKey, value, secrets]) => {
      // Only the first load: a reload must not undo what the benchmark typed.
      if (!sessionStorage.getItem('bench-seeded')) {
        if (value === null) localStorage.removeItem(key);
        else localStorage.setItem(key, value);
        if (secrets === null) sessionStorage.removeItem(secretsKey);
        else sessionStorage.setItem(secretsKey, secrets);
        sessionStorage.setItem('bench-seeded', '1');
      }
    },
    [DRAFT_KEY, DRAFT_SECRETS_KEY, draft?.entry ?? null, draft?.secrets ?? null] as const,
  );
  await within('navigation', page.goto(`${baseURL}/designer`, { timeout: STEP_LIMIT_MS, waitUntil: 'commit' }));
  return within(atReady.mode === 'none' ? 'ready' : `ready and prepared (${atReady.mode})`, prepared);
}

export async function readProbe(page: Page): Promise<DesignerProbe> {
  return within(
    'read the page',
    page.evaluate(() => window.__designer ?? { longTasks: [], events: [] }),
  );
}

/** The topology time, if it came within `waitMs` (it may come before or after ready). */
export async function topologyAt(page: Page, waitMs: number): Promise<number | undefined> {
  try {
    const handle = await page.waitForFunction(() => window.__designer?.topologyAt, undefined, {
      polling: 100,
      timeout: waitMs,
    });
    return Number(await handle.jsonValue());
  } catch {
    return undefined;
  }
}

/** Per keystroke interaction (keydown/keyup… sharing an interactionId), the longest Event Timing duration, from `from` on. */
export function keyInteractions(events: EventEntry[], from: number, keys: number): number[] {
  const byInteraction = new Map<number, number>();
  for (const e of events) {
    if (!e.interactionId || e.start < from - 1 || !e.name.startsWith('key')) continue;
    byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration));
  }
  const durations = [...byInteraction.values()];
  // Chromium reports only events of 16 ms or more: the others count as 0 (shown as "< 16 ms").
  while (durations.length < keys) durations.push(0);
  return durations;
}
