/**
 * Runs the one check of each document version (./design-check.ts), in a Web
 * Worker when it can (design-check.worker.ts): a newer version made while one
 * is being checked is checked next, older ones are skipped. Where workers are
 * unavailable or the worker fails, the check runs on the main thread.
 * The tenant's copy (./tenant-copy.ts) is handed to the worker once and
 * indexed there; every check after that includes the tenant checks.
 */
import type { ConnectorDesign, HclRenderOptions } from '@/lib/connector/design';
import { fromWire, indexTenant, type TenantSnapshotWire } from '@/lib/connector/tenant';
import { checkDesign, type DesignCheck, type TenantContext } from './design-check';
import type { DesignCheckRequest, DesignCheckResponse, TenantHandover } from './design-check.worker';
import { designChanges } from './design-delta';

export type { DesignCheck };

const CHECK_OPTIONS: Required<HclRenderOptions> = { omitDefaults: true, preSharedKeys: 'variable' };

export class DesignChecks {
  private worker: Worker | null | undefined;
  private inFlight: { version: number; design: ConnectorDesign; tenantGen: number } | null = null;
  private next: { version: number; design: ConnectorDesign } | null = null;
  /** The design the worker holds (the last one sent): a request says only what changed from it. */
  private sent: ConnectorDesign | null = null;
  private checkedVersion = -1;
  private waiting: { version: number; resolve: (check: DesignCheck) => void }[] = [];
  private options = CHECK_OPTIONS;
  private tenantSnapshot: TenantSnapshotWire | null = null;
  private linkedConnectorId: number | string | null = null;
  /** The tenant indexed on this thread, for checks that run here (no worker); built on first use. */
  private localTenant: TenantContext | null = null;
  /** Bumped when the tenant or the link changes: a check begun before is shown, but is not the version's check. */
  private tenantGen = 0;
  /** The document's current text: what its reference expressions may name (read only while tenant checks run). */
  private fileText: () => string = () => '';

  constructor(private readonly receive: (version: number, check: DesignCheck, design: ConnectorDesign) => void) {}

  /** The check of `design` on this thread (the first version, before anything is on screen). */
  checkNow(design: ConnectorDesign): DesignCheck {
    this.checkedVersion = 0;
    return checkDesign(design, this.options);
  }

  setFileText(read: () => string): void {
    this.fileText = read;
  }

  setKeyOption(preSharedKeys: 'variable' | 'inline'): void {
    this.options = { ...this.options, preSharedKeys };
  }

  /** The tenant's copy to check against from now on (null: none); the next check requested uses it. False: no change. */
  setTenant(snapshot: TenantSnapshotWire | null): boolean {
    if (snapshot === this.tenantSnapshot) return false;
    this.tenantSnapshot = snapshot;
    this.localTenant = null;
    this.tenantChanged();
    this.post({ kind: 'tenant', snapshot, linkedConnectorId: this.linkedConnectorId });
    return true;
  }

  /** The live connector the design is (its own name and addresses are not a clash). */
  setLinkedConnector(id: number | string | null): boolean {
    if (id === this.linkedConnectorId) return false;
    this.linkedConnectorId = id;
    this.tenantChanged();
    if (this.localTenant) this.localTenant = { ...this.localTenant, linkedConnectorId: id };
    this.post({ kind: 'tenant', linkedConnectorId: id });
    return true;
  }

  private tenantChanged(): void {
    this.tenantGen++;
    this.checkedVersion = -1;
  }

  private post(message: TenantHandover): void {
    // A worker not started yet gets the tenant when it starts.
    if (this.worker) this.worker.postMessage(message);
  }

  private checkHere(design: ConnectorDesign): DesignCheck {
    if (this.tenantSnapshot && !this.localTenant)
      this.localTenant = {
        index: indexTenant(fromWire(this.tenantSnapshot)),
        linkedConnectorId: this.linkedConnectorId,
      };
    return checkDesign(
      design,
      this.options,
      this.tenantSnapshot ? this.localTenant : null,
      this.tenantSnapshot ? this.fileText() : undefined,
    );
  }

  request(version: number, design: ConnectorDesign): void {
    if (this.inFlight) {
      this.next = { version, design };
      return;
    }
    const worker = this.start();
    if (!worker) {
      this.deliver(version, this.checkHere(design), design);
      return;
    }
    this.inFlight = { version, design, tenantGen: this.tenantGen };
    const changes = this.sent ? designChanges(this.sent, design) : null;
    this.sent = design;
    const message: DesignCheckRequest = {
      id: version,
      ...(changes ? { changes } : { design }),
      options: this.options,
      ...(this.tenantSnapshot && { text: this.fileText() }),
    };
    worker.postMessage(message);
  }

  /** The check of `version` (now, if it is the last one checked). */
  whenChecked(version: number, current: DesignCheck): Promise<DesignCheck> {
    if (this.checkedVersion === version) return Promise.resolve(current);
    return new Promise((resolve) => this.waiting.push({ version, resolve }));
  }

  private deliver(version: number, check: DesignCheck, design: ConnectorDesign, current = true): void {
    this.receive(version, check, design);
    const next = this.next;
    this.next = null;
    if (!current) {
      // Checked against the tenant as it was: that version is checked again (unless a newer one is waiting).
      this.request(next?.version ?? version, next?.design ?? design);
      return;
    }
    this.checkedVersion = version;
    const ready = this.waiting.filter((w) => w.version <= version);
    this.waiting = this.waiting.filter((w) => w.version > version);
    for (const w of ready) w.resolve(check);
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
        if (done) this.deliver(event.data.id, event.data.check, done.design, done.tenantGen === this.tenantGen);
      };
      worker.onerror = (event) => {
        // The script could not load or crashed: check on the main thread from now on.
        event.preventDefault();
        worker.terminate();
        this.worker = null;
        this.sent = null;
        const lost = this.inFlight;
        this.inFlight = null;
        if (lost) this.deliver(lost.version, this.checkHere(lost.design), lost.design);
      };
      this.worker = worker;
      if (this.tenantSnapshot)
        this.post({ kind: 'tenant', snapshot: this.tenantSnapshot, linkedConnectorId: this.linkedConnectorId });
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  /** Starts the worker before the first check needs it (its scripts take a moment to load). */
  warm(): void {
    this.start();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
