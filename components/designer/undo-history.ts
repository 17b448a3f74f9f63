/**
 * Undo/redo over immutable snapshots. Consecutive steps with the same merge
 * key (typing in one field) within a short pause are one step, so undo takes
 * back a word, not a keystroke. A step equal to the present one (a restored
 * snapshot echoed back by the form) is not recorded.
 */
const MERGE_WINDOW_MS = 1000;
const MAX_STEPS = 200;

export class UndoHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  private present: T;
  private presentJson: string;
  private lastKey: string | null = null;
  private lastAt = 0;

  constructor(initial: T) {
    this.present = initial;
    this.presentJson = JSON.stringify(initial);
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Records `next` as the new present. `key`: steps with the same key in a quick row merge; null never merges. */
  record(next: T, key: string | null, now = Date.now()): void {
    const json = JSON.stringify(next);
    if (json === this.presentJson) {
      this.present = next;
      return;
    }
    const merge = key !== null && key === this.lastKey && now - this.lastAt < MERGE_WINDOW_MS && this.past.length > 0;
    if (!merge) {
      this.past.push(this.present);
      if (this.past.length > MAX_STEPS) this.past.shift();
    }
    this.present = next;
    this.presentJson = json;
    this.future = [];
    this.lastKey = key;
    this.lastAt = now;
  }

  undo(): T | null {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push(this.present);
    return this.moveTo(previous);
  }

  redo(): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(this.present);
    return this.moveTo(next);
  }

  private moveTo(value: T): T {
    this.present = value;
    this.presentJson = JSON.stringify(value);
    this.lastKey = null;
    return value;
  }
}
