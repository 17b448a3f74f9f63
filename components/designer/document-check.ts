/**
 * Runs the one check of each document version (./design-check.ts), in a Web
 * Worker when it can (design-check.worker.ts): a newer version made while one
 * is being checked is checked next, older ones are skipped. Where workers are
 * unavailable or the worker fails, the check runs on the main thread.
 */
import type { ConnectorDesign, HclRenderOptions } from '@/lib/connector/design';
import { checkDesign, type DesignCheck } from './design-check';
import type { DesignCheckRequest, DesignCheckResponse } from './design-check.worker';

export type { DesignCheck };

const CHECK_OPTIONS: Required<HclRenderOptions> = { omitDefaults: true, preSharedKeys: 'variable' };

export class DesignChecks {
  private worker: Worker | null | undefined;
  private inFlight: { version: number; design: ConnectorDesign } | null = null;
  private next: { version: number; design: ConnectorDesign } | null = null;
  private checkedVersion = -1;
  private waiting: { version: number; resolve: (check: DesignCheck) => void }[] = [];
  private options = CHECK_OPTIONS;

  constructor(private readonly receive: (version: number, check: DesignCheck, design: ConnectorDesign) => void) {}

  /** The check of `design` on this thread (the first version, before anything is on screen). */
  checkNow(design: ConnectorDesign): DesignCheck {
    this.checkedVersion = 0;
    return checkDesign(design, this.options);
  }

  setKeyOption(preSharedKeys: 'variable' | 'inline'): void {
    this.options = { ...this.options, preSharedKeys };
  }

  request(version: number, design: ConnectorDesign): void {
    if (this.inFlight) {
      this.next = { version, design };
      return;
    }
    const worker = this.start();
    if (!worker) {
      this.deliver(version, checkDesign(design, this.options), design);
      return;
    }
    this.inFlight = { version, design };
    const message: DesignCheckRequest = { id: version, design, options: this.options };
    worker.postMessage(message);
  }

  /** The check of `version` (now, if it is the last one checked). */
  whenChecked(version: number, current: DesignCheck): Promise<DesignCheck> {
    if (this.checkedVersion === version) return Promise.resolve(current);
    return new Promise((resolve) => this.waiting.push({ version, resolve }));
  }

  private deliver(version: number, check: DesignCheck, design: ConnectorDesign): void {
    this.checkedVersion = version;
    this.receive(version, check, design);
    const ready = this.waiting.filter((w) => w.version <= version);
    this.waiting = this.waiting.filter((w) => w.version > version);
    for (const w of ready) w.resolve(check);
    const next = this.next;
    this.next = null;
    if (next && next.version > version) this.request(next.version, next.design);
  }

  private start(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    this.worker = null;
    if (typeof window === 'undefined' || typeof Worker === 'undefined') return null;
    try {
      const worker = new Worker(new URL('./design-check.worker.ts', import.meta.url), { name: 'design-check' });
      worker.onmessage = (event: MessageEvent<DesignCheckResponse>) => {
        const done = this.inFlight;
        this.inFlight = null;
        if (done) this.deliver(event.data.id, event.data.check, done.design);
      };
      worker.onerror = (event) => {
        // The script could not load or crashed: check on the main thread from now on.
        event.preventDefault();
        worker.terminate();
        this.worker = null;
        const lost = this.inFlight;
        this.inFlight = null;
        if (lost) this.deliver(lost.version, checkDesign(lost.design, this.options), lost.design);
      };
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
