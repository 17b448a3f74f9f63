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
  private lastKey: string | null = null;
  private lastAt = 0;

  /** `same`: whether two steps are one (by default, equal JSON). */
  constructor(
    initial: T,
    private readonly same: (a: T, b: T) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b),
  ) {
    this.present = initial;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Records `next` as the new present. `key`: steps with the same key in a quick row merge; null never merges. */
  record(next: T, key: string | null, now = Date.now()): void {
    if (this.same(next, this.present)) {
      this.present = next;
      return;
    }
    const merge = key !== null && key === this.lastKey && now - this.lastAt < MERGE_WINDOW_MS && this.past.length > 0;
    if (!merge) {
      this.past.push(this.present);
      if (this.past.length > MAX_STEPS) this.past.shift();
    }
    this.present = next;
    this.future = [];
    this.lastKey = key;
    this.lastAt = now;
  }

  /** Replaces the present step's value without making a step (what a step turned out to be, once read). */
  amendPresent(value: T): void {
    this.present = value;
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
    this.lastKey = null;
    return value;
  }
}
