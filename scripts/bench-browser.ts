/**
 * npm run bench:browser — the designer's responsiveness in real Chromium
 * against the production server (`npm start`'s, on a free port), measured from
 * the moment the page says it is ready.
 *
 * Every scenario opens /designer in a fresh browser context with its draft
 * seeded as the designer keeps it (the file in localStorage under
 * `connector-studio:draft:v1`, deflated when large; the keys' values in
 * sessionStorage), navigates, and waits for the designer form's
 * `data-ready="true"` (`form[aria-label="Connector design"][data-ready="true"]`).
 * "Ready" is the page's performance.now() when that attribute appears, seen by a
 * MutationObserver (plus a requestAnimationFrame loop) installed before the
 * page's own scripts; all times are in ms from the navigation's start. At
 * ready the page itself focuses the Name field (caret at the end) or, once the
 * editor has loaded, puts the editor's cursor at the end of the connector's
 * name, arms the keystroke probe and tells the runner through an exposed
 * binding, which sends the first keystroke at once; "first keystroke after
 * ready" is that keydown's timestamp minus ready (it includes the main thread
 * being busy and, in the editor, the editor loading).
 *
 * For the typical design (the multi-segment IPsec template) and the large one
 * (10 instances × 8 segments × 4 gateways × 2 tunnels = 640 tunnels):
 *   - ready after navigation; topology on screen after navigation (the first
 *     diagram node showing the design's name);
 *   - form: typing at the end of the Name field, keystroke → HCL preview
 *     (p50/p95): the keydown's timestamp to the moment
 *     the preview (the editor's text, `window.__hclText()`) holds the typed value; the INP-style
 *     interaction p95 (Event Timing: input to next paint; Chromium reports only
 *     16 ms or more, so less shows as "< 16 ms"), and once per run its floor
 *     here: the same typing into a bare page's input that does 0, 2 or 5 ms
 *     of work per key (scripts/bench-input-floor.ts);
 *   - editor: typing at the end of the connector's `name = "…"` value in the
 *     CodeMirror editor, keystroke → editor text (CodeMirror's
 *     state holds the typed text) and keystroke →
 *     form (the Name field's value has followed it: the editor → form sync,
 *     seen on every animation frame), each p50/p95; a key whose form update
 *     has not come within 5 s counts as a timeout;
 *   - long tasks (PerformanceObserver 'longtask', buffered) that start at or
 *     after ready, to the end of the typing: the longest and how many (every
 *     long task is over 50 ms); and what was left of a task running at ready
 *     (ready is seen inside the task that set the attribute).
 * Keys are typed one at a time (form: 150 ms apart, 300 ms for the large
 * design; editor: 150 ms after the form has followed). A keystroke whose
 * signal does not come within 5 s counts as a timeout (shown in the p95 when
 * over 5 % of the keys).
 *
 * paste 1 MB (scripts/bench-designer-paste.ts, which says how): a ~1 MB file
 * of 16 connectors is pasted into the editor of an empty draft once ready and
 * loaded (a paste ClipboardEvent on the editor: CodeMirror's own paste handler,
 * one transaction): from the paste, time to diagnostics (the resource selector
 * listing every connector) and to the form showing the first connector, the
 * longest task from the paste to 3 s after the diagnostics, and click → next
 * paint for clicks on "Validate all" during the 2 s after the paste.
 *
 * Any step that does not finish within 60 s is reported as "timeout".
 *
 * dashboard (scripts/bench-dashboard-browser.ts): `/connectors` over 10,000
 * connectors: first row after navigation, long tasks while scrolling, max
 * rows in the DOM.
 *
 * Options: `--app-dir <dir>` benchmarks that checkout's production build; with
 * one `--app-dir` the current checkout's build is benchmarked too when it
 * exists, and `--app-dir` may be repeated: with two builds or more a
 * comparison table follows. `--only designer|dashboard`; `--scenarios
 * form,editor,paste` and `--designs typical,large` (designer, default all);
 * `--keys <n>` (form keystrokes; the editor types at most 15, the large
 * design at most 20 and 10); `--connectors <n>` (dashboard tenant size).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { DESIGN_TEMPLATES } from '../lib/connector/templates';
import type { ConnectorDesign } from '../lib/connector/design';
import { largeIpsecDesign } from './bench-designs';
import { freePort, startServer } from './next-server';
import { benchDashboardBrowser, printDashboardBench } from './bench-dashboard-browser';
import {
  EDITOR_SELECTOR,
  STEP_LIMIT_MS,
  KEY_LIMIT_MS,
  StepTimeout,
  keyInteractions,
  longTasksIn,
  openDesigner,
  quantile,
  readProbe,
  sleep,
  taskRunningAt,
  topologyAt,
  within,
  type KeyMeasurement,
  type Prepared,
} from './bench-designer-page';
import { benchPaste, pasteFile, type PasteResult } from './bench-designer-paste';
import { benchInputFloor, printInputFloor } from './bench-input-floor';
import { itemAt } from '../lib/util/indexing';

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function argValues(name: string): string[] {
  return process.argv.flatMap((a, i) => {
    const value = process.argv[i + 1];
    return a === name && value !== undefined ? [value] : [];
  });
}

interface TypingResult {
  keys: number;
  readyAt?: number;
  topologyAt?: number;
  /** From ready to the first keystroke's keydown. */
  firstKeyAfterReady?: number;
  /** Per key, ms; Infinity when it did not come within 5 s. */
  toPreview: number[];
  toForm: number[];
  interactions: number[];
  longestFromReady?: number;
  longTasksFromReady?: number;
  runningAtReady?: number;
  /** How the editor's cursor was put at the end of the name. */
  cursor?: string;
  error?: string;
}

const newResult = (keys: number): TypingResult => ({ keys, toPreview: [], toForm: [], interactions: [] });

/**
 * One keystroke: arms the page's probe (unless `armed`: the page armed the first
 * one itself at ready), presses `ch`, and reads back from its keydown's timestamp
 * to the preview holding `"expected"` and (with `form`) the Name field holding
 * `expected`; undefined for a signal that did not come within 5 s.
 */
async function measureKey(
  page: Page,
  ch: string,
  expected: string,
  form: boolean,
  armed = false,
): Promise<KeyMeasurement> {
  if (!armed) {
    await within(
      'arm keystroke',
      page.evaluate(([value, wantForm, limit]) => window.__armKey!(value, wantForm, limit), [
        expected,
        form,
        KEY_LIMIT_MS,
      ] as const),
    );
  }
  await within('keystroke', page.keyboard.press(ch));
  return within(
    'keystroke result',
    page.evaluate(() => window.__designerKey!),
    KEY_LIMIT_MS + STEP_LIMIT_MS,
  );
}

const keyChar = (i: number) => String.fromCharCode(97 + (i % 26));

/**
 * A fresh context on /designer with `design` as its draft, prepared at ready as
 * `mode` says; `type` types from there; then the long tasks, interactions and
 * topology time are read back.
 */
async function withDesigner(
  browser: Browser,
  baseURL: string,
  design: ConnectorDesign,
  mode: 'form' | 'editor',
  r: TypingResult,
  type: (page: Page, prepared: Prepared) => Promise<void>,
): Promise<TypingResult> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  try {
    const prepared = await openDesigner(page, baseURL, design, { mode, firstKey: keyChar(0) });
    r.readyAt = prepared.readyAt;
    r.cursor = prepared.how;
    await type(page, prepared);
    // Let the last events and long tasks be reported.
    await sleep(500);
    const probe = await readProbe(page);
    const firstKey = r.firstKeyAfterReady === undefined ? r.readyAt : r.readyAt + r.firstKeyAfterReady;
    r.interactions = keyInteractions(probe.events, firstKey, r.keys);
    const tasks = longTasksIn(probe.longTasks, r.readyAt);
    r.longestFromReady = tasks.longest;
    r.longTasksFromReady = tasks.count;
    r.runningAtReady = taskRunningAt(probe.longTasks, r.readyAt);
    r.topologyAt = probe.topologyAt ?? (await topologyAt(page, 5000));
  } catch (e) {
    r.error =
      e instanceof StepTimeout ? `timeout (${e.step})` : e instanceof Error ? e.message.split('\n')[0] : String(e);
  } finally {
    await context.close();
  }
  return r;
}

/**
 * Form: types `keys` characters at the end of the Name field, one at a time,
 * `gapMs` apart; the first as soon as the page is ready (it focused the field
 * and put the caret at the end then).
 */
function benchForm(
  browser: Browser,
  baseURL: string,
  design: ConnectorDesign,
  keys: number,
  gapMs: number,
): Promise<TypingResult> {
  const r = newResult(keys);
  return withDesigner(browser, baseURL, design, 'form', r, async (page, prepared) => {
    if (prepared.value === undefined) throw new Error(`the Name field was not there at ready (${prepared.how})`);
    let value = prepared.value;
    for (let i = 0; i < keys; i++) {
      value += keyChar(i);
      const m = await measureKey(page, keyChar(i), value, false, i === 0);
      if (i === 0) r.firstKeyAfterReady = m.keyAt - r.readyAt!;
      r.toPreview.push(m.toPreview ?? Number.POSITIVE_INFINITY);
      await sleep(gapMs);
    }
  });
}

/**
 * Without the EditorView: the editor's cursor before the closing quote of the
 * connector's `name` by keyboard (Ctrl+Home, ArrowDown to its line, End, ArrowLeft).
 */
async function cursorAtNameByKeyboard(page: Page): Promise<string> {
  const found = await within(
    'cursor',
    page.evaluate(() => {
      const text = window.__hclText?.() ?? '';
      const re = /\n[ \t]*name[ \t]*=[ \t]*"((?:[^"\\\n]|\\.)*)"/g;
      re.lastIndex = Math.max(0, text.search(/resource\s+"alkira_connector_azure_expressroute"/));
      const m = re.exec(text);
      return m ? { name: m[1] ?? '', line: text.slice(0, m.index + m[0].length).split('\n').length - 1 } : null;
    }),
  );
  if (!found) throw new Error('no `name = "…"` in the editor');
  await within('focus the editor', page.locator(EDITOR_SELECTOR).click({ timeout: STEP_LIMIT_MS }));
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < found.line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  return found.name;
}

/**
 * Editor: types `keys` characters at the end of the connector's name in the
 * editor, the first as soon as the editor has loaded after ready (the page put
 * the cursor there then), each once the previous one has reached the form (or 5 s).
 */
function benchEditor(
  browser: Browser,
  baseURL: string,
  design: ConnectorDesign,
  keys: number,
  gapMs: number,
): Promise<TypingResult> {
  const r = newResult(keys);
  return withDesigner(browser, baseURL, design, 'editor', r, async (page, prepared) => {
    const byKeyboard = prepared.value === undefined;
    let value = byKeyboard ? await cursorAtNameByKeyboard(page) : prepared.value!;
    for (let i = 0; i < keys; i++) {
      value += keyChar(i);
      const m = await measureKey(page, keyChar(i), value, true, i === 0 && !byKeyboard);
      if (i === 0) r.firstKeyAfterReady = m.keyAt - r.readyAt!;
      r.toPreview.push(m.toPreview ?? Number.POSITIVE_INFINITY);
      r.toForm.push(m.toForm ?? Number.POSITIVE_INFINITY);
      if (i === 0 && m.toPreview === undefined)
        throw new Error(`the first key did not reach the editor's text (cursor by ${r.cursor})`);
      await sleep(gapMs);
    }
  });
}

// ---------------------------------------------------------------------------------------------- report

const ms = (v: number | 'timeout' | undefined) =>
  v === undefined
    ? '—'
    : v === 'timeout' || v === Number.POSITIVE_INFINITY
      ? 'timeout'
      : Number.isNaN(v)
        ? 'n/a'
        : `${Math.round(v)} ms`;
const inp = (v: number) => (Number.isNaN(v) ? 'n/a' : v < 16 ? '< 16 ms' : ms(v));
function p50p95(samples: number[]): string {
  if (samples.length === 0) return '—';
  const [a, b] = [quantile(samples, 0.5), quantile(samples, 0.95)];
  return Number.isFinite(a) && Number.isFinite(b) ? `${Math.round(a)} / ${Math.round(b)} ms` : `${ms(a)} / ${ms(b)}`;
}
const timeouts = (samples: number[]) => `${samples.filter((v) => !Number.isFinite(v)).length} of ${samples.length}`;

interface Row {
  label: string;
  /** One value per column (typical, large), or a single value. */
  cells: string[];
}

interface BuildResult {
  label: string;
  form: Partial<Record<DesignId, TypingResult>>;
  editor: Partial<Record<DesignId, TypingResult>>;
  paste?: PasteResult;
  error?: string;
}

type DesignId = 'typical' | 'large';
const DESIGN_IDS: DesignId[] = ['typical', 'large'];

function designRows(b: BuildResult): Row[] {
  const rows: Row[] = [];
  const row = (label: string, get: (r: TypingResult) => string, from: 'form' | 'editor') => {
    const cells = DESIGN_IDS.map((d) => {
      const r = b[from][d];
      if (!r) return '';
      const v = get(r);
      return r.error && (v === '—' || v === 'n/a') ? 'timeout' : v;
    });
    if (cells.some((c) => c !== '')) rows.push({ label, cells });
  };
  const any = (d: DesignId) => b.form[d] ?? b.editor[d];
  if (DESIGN_IDS.some((d) => any(d))) {
    rows.push({ label: 'ready after navigation', cells: DESIGN_IDS.map((d) => (any(d) ? ms(any(d)!.readyAt) : '')) });
    rows.push({
      label: 'topology on screen (from navigation)',
      cells: DESIGN_IDS.map((d) => (any(d) ? ms(any(d)!.topologyAt) : '')),
    });
  }
  row('form   first keystroke after ready', (r) => ms(r.firstKeyAfterReady), 'form');
  row('form   keystroke → preview p50 / p95', (r) => p50p95(r.toPreview), 'form');
  row('form   keystroke timeouts (> 5 s)', (r) => timeouts(r.toPreview), 'form');
  row(
    'form   interaction (INP-style) p95',
    (r) => (r.toPreview.length ? inp(quantile(r.interactions, 0.95)) : '—'),
    'form',
  );
  row('form   longest long task from ready', (r) => ms(r.longestFromReady), 'form');
  row(
    'form   long tasks from ready (> 50 ms)',
    (r) => (r.longTasksFromReady === undefined ? '—' : String(r.longTasksFromReady)),
    'form',
  );
  row('form   task running at ready: left', (r) => ms(r.runningAtReady), 'form');
  row('editor first keystroke after ready (+ load)', (r) => ms(r.firstKeyAfterReady), 'editor');
  row('editor keystroke → editor text p50 / p95', (r) => p50p95(r.toPreview), 'editor');
  row('editor keystroke → form p50 / p95', (r) => p50p95(r.toForm), 'editor');
  row('editor → form timeouts (> 5 s)', (r) => timeouts(r.toForm), 'editor');
  row('editor longest long task from ready', (r) => ms(r.longestFromReady), 'editor');
  row(
    'editor long tasks from ready (> 50 ms)',
    (r) => (r.longTasksFromReady === undefined ? '—' : String(r.longTasksFromReady)),
    'editor',
  );
  return rows;
}

function pasteRows(p: PasteResult): Row[] {
  const failed = (v: string) => (p.error && (v === '—' || v === 'n/a') ? 'timeout' : v);
  const clicks = p.clicksSent ? ` (${p.clicksSeen} of ${p.clicksSent} clicks)` : '';
  return [
    { label: 'paste: the paste event’s own task', cells: [failed(ms(p.pasteTaskMs))] },
    { label: `paste → diagnostics (selector lists ${p.connectors})`, cells: [failed(ms(p.diagnosticsMs))] },
    { label: 'paste → form shows the first connector', cells: [failed(ms(p.formMs))] },
    { label: 'paste: longest task to diagnostics + 3 s', cells: [failed(ms(p.longestTask))] },
    {
      label: 'paste: long tasks to diagnostics + 3 s',
      cells: [failed(p.longTaskCount === undefined ? '—' : String(p.longTaskCount))],
    },
    {
      label: 'paste: click → next paint, Event Timing',
      cells: [failed(p.clickEventTiming === undefined ? '—' : inp(p.clickEventTiming) + clicks)],
    },
    { label: 'paste: click → next frame (rAF probe)', cells: [failed(ms(p.clickFrame))] },
  ];
}

const LABEL_WIDTH = 46;

function printBuild(b: BuildResult, chromiumVersion: string): void {
  console.log(`\n  designer — ${b.label} (Chromium ${chromiumVersion})`);
  if (b.error) console.log(`    failed: ${b.error}`);
  const rows = designRows(b);
  if (rows.length) {
    console.log(`    ${''.padEnd(LABEL_WIDTH)} ${'typical'.padStart(14)} ${'large'.padStart(14)}`);
    for (const r of rows)
      console.log(`    ${r.label.padEnd(LABEL_WIDTH)} ${r.cells.map((c) => c.padStart(14)).join(' ')}`);
  }
  for (const d of DESIGN_IDS) {
    for (const [scenario, r] of [
      ['form', b.form[d]],
      ['editor', b.editor[d]],
    ] as const) {
      if (r?.error) console.log(`    ${d} ${scenario}: ${r.error}`);
    }
  }
  if (b.editor.typical?.cursor ?? b.editor.large?.cursor)
    console.log(`    (editor cursor placed by ${b.editor.typical?.cursor ?? b.editor.large?.cursor})`);
  const p = b.paste;
  if (p) {
    const fileNote = p.fileErrors ? `, ${p.fileErrors} errors in it!` : ', no errors';
    console.log(
      `    paste 1 MB: ${p.bytes.toLocaleString('en-US')} bytes, ${p.connectors} connectors${fileNote}; ${p.method ?? 'not pasted'}`,
    );
    for (const r of pasteRows(p))
      console.log(`    ${r.label.padEnd(LABEL_WIDTH)} ${itemAt(r.cells, 0, 'cell').padStart(14)}`);
    if (p.error) console.log(`    paste: ${p.error}`);
  }
}

/** The same numbers side by side, one column per build. */
function printComparison(builds: BuildResult[]): void {
  const flat = (b: BuildResult) => {
    const out = new Map<string, string>();
    for (const r of designRows(b)) {
      DESIGN_IDS.forEach((d, i) => {
        if (r.cells[i]) out.set(`${r.label} · ${d}`, r.cells[i]);
      });
    }
    if (b.paste) for (const r of pasteRows(b.paste)) out.set(r.label, itemAt(r.cells, 0, 'cell'));
    return out;
  };
  const maps = builds.map(flat);
  const keys = [...new Set(maps.flatMap((m) => [...m.keys()]))];
  const width = Math.max(...keys.map((k) => k.length));
  const col = Math.max(16, ...builds.map((b) => b.label.length));
  console.log('\n  designer — comparison');
  console.log(`    ${''.padEnd(width)} ${builds.map((b) => b.label.padStart(col)).join(' ')}`);
  for (const k of keys)
    console.log(`    ${k.padEnd(width)} ${maps.map((m) => (m.get(k) ?? '').padStart(col)).join(' ')}`);
}

function buildLabel(dir: string): string {
  try {
    const commit = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return `${dir} @ ${commit}`;
  } catch {
    return dir;
  }
}

async function benchDesigner(
  browser: Browser,
  appDir: string,
  keys: number,
  scenarios: Set<string>,
  designs: Set<string>,
): Promise<BuildResult> {
  const build: BuildResult = { label: buildLabel(appDir), form: {}, editor: {} };
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-bench-browser-'));
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    server = await startServer(appDir, port, dataDir);
    const baseURL = `http://127.0.0.1:${port}`;
    const all: Record<DesignId, { design: ConnectorDesign; formKeys: number; formGap: number; editorKeys: number }> = {
      typical: {
        design: DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!.design,
        formKeys: keys,
        formGap: 150,
        editorKeys: Math.min(keys, 15),
      },
      large: { design: largeIpsecDesign(), formKeys: Math.min(keys, 20), formGap: 300, editorKeys: Math.min(keys, 10) },
    };
    for (const d of DESIGN_IDS) {
      if (!designs.has(d)) continue;
      const { design, formKeys, formGap, editorKeys } = all[d];
      if (scenarios.has('form')) build.form[d] = await benchForm(browser, baseURL, design, formKeys, formGap);
      if (scenarios.has('editor')) build.editor[d] = await benchEditor(browser, baseURL, design, editorKeys, 150);
    }
    if (scenarios.has('paste')) build.paste = await benchPaste(browser, baseURL, pasteFile());
  } catch (e) {
    build.error = e instanceof Error ? e.message : String(e);
  } finally {
    server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return build;
}

async function main() {
  const keys = Number(argValue('--keys') ?? 30);
  const only = argValue('--only');
  const scenarios = new Set((argValue('--scenarios') ?? 'form,editor,paste').split(','));
  const designs = new Set((argValue('--designs') ?? 'typical,large').split(','));
  const hasBuild = (dir: string) => existsSync(path.join(dir, '.next', 'BUILD_ID'));
  const asked = argValues('--app-dir').map((d) => path.resolve(d));
  const current = process.cwd();
  // One --app-dir: compared with the current checkout's build when there is one.
  const [onlyAsked] = asked;
  const dirs =
    onlyAsked === undefined
      ? [current]
      : asked.length === 1 && onlyAsked !== current && hasBuild(current)
        ? [onlyAsked, current]
        : asked;
  const built = dirs.filter((dir) => {
    if (hasBuild(dir)) return true;
    console.log(
      `(browser benchmark skipped for ${dir}: no production build in ${dir}/.next; run "npx next build" there first)`,
    );
    return false;
  });
  if (built.length === 0) return;
  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, executablePath: launch.executablePath ?? '/usr/bin/chromium' });
  try {
    console.log(`Browser benchmarks (Chromium ${browser.version()}, the production server of ${built.join(', ')})`);
    const results: BuildResult[] = [];
    for (const dir of built) {
      if (only !== 'dashboard') {
        const r = await benchDesigner(browser, dir, keys, scenarios, designs);
        results.push(r);
        printBuild(r, browser.version());
      }
      if (only !== 'designer')
        printDashboardBench(await benchDashboardBrowser(browser, dir, Number(argValue('--connectors') ?? 10_000)));
    }
    // What the interaction numbers cannot go below here: the same typing into a bare page's input.
    if (only !== 'dashboard') printInputFloor(await benchInputFloor(browser));
    if (results.length > 1) printComparison(results);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
