/**
 * The tenant's used IPv4 space, indexed once: every other connector's vHub
 * prefix and loopback subnets as address intervals, sorted by start with a
 * running maximum of ends, so "what overlaps this block" is a binary search
 * plus a short walk, and "the next free /n from here" jumps from interval to
 * interval (no scan of the space).
 */
import { networkAddress } from '../net';
import { itemAt } from '@/lib/util/indexing';

export type AddressField = 'vhub_prefix' | 'loopback_subnet';

/** One used block: its addresses [start, end], whose it is and in which field. */
export interface UsedBlock {
  start: number;
  end: number;
  /** As the tenant writes it. */
  written: string;
  owner: { id: number | string; name: string };
  field: AddressField;
  /** Instance index for a loopback subnet. */
  instance?: number;
}

export interface AddressRange {
  start: number;
  end: number;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** What `parseCidr` accepts (no leading zeros, octets ≤ 255, /0–/32), in one pass: indexing reads tens of thousands. */
const CIDR_RE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(0|[1-9]|[12]\\d|3[0-2])$`);

export function rangeOf(text: unknown): AddressRange | null {
  if (typeof text !== 'string') return null;
  const m = CIDR_RE.exec(text.trim());
  if (!m) return null;
  const prefixLength = Number(m[5]);
  const start = networkAddress({
    address: ((Number(m[1]) * 256 + Number(m[2])) * 256 + Number(m[3])) * 256 + Number(m[4]),
    prefixLength,
  });
  return { start, end: start + 2 ** (32 - prefixLength) - 1 };
}

export class AddressSpace {
  /** Sorted by start (then end). */
  private readonly blocks: UsedBlock[];
  /** maxEnd[i]: the largest end among blocks[0..i]. */
  private readonly maxEnd: Float64Array;
  /** The union of every block, as disjoint sorted intervals (for free-space searches). */
  private readonly merged: AddressRange[];
  /** Each owner's blocks, by `String(id)`. */
  private readonly byOwner = new Map<string, UsedBlock[]>();

  constructor(blocks: UsedBlock[]) {
    this.blocks = blocks.sort((a, b) => a.start - b.start || a.end - b.end);
    this.maxEnd = new Float64Array(this.blocks.length);
    let max = -1;
    this.merged = [];
    this.blocks.forEach((b, i) => {
      max = Math.max(max, b.end);
      const owner = String(b.owner.id);
      const own = this.byOwner.get(owner);
      if (own) own.push(b);
      else this.byOwner.set(owner, [b]);
      this.maxEnd[i] = max;
      const last = this.merged[this.merged.length - 1];
      if (last && b.start <= last.end + 1) last.end = Math.max(last.end, b.end);
      else this.merged.push({ start: b.start, end: b.end });
    });
  }

  get size(): number {
    return this.blocks.length;
  }

  /** The lowest used address, or null when nothing is used. */
  lowestStart(): number | null {
    return this.blocks[0]?.start ?? null;
  }

  /** Index of the last block starting at or before `address`, or -1. */
  private lastStartingBy(address: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (itemAt(this.blocks, mid, 'used block').start <= address) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Every used block sharing an address with `range` (but `excludeOwner`'s), lowest start first. */
  overlapping(range: AddressRange, excludeOwner?: string): UsedBlock[] {
    const out: UsedBlock[] = [];
    for (let i = this.lastStartingBy(range.end); i >= 0 && itemAt(this.maxEnd, i, 'used block') >= range.start; i--) {
      const block = itemAt(this.blocks, i, 'used block');
      if (block.end >= range.start && (excludeOwner === undefined || String(block.owner.id) !== excludeOwner))
        out.push(block);
    }
    return out.reverse();
  }

  /**
   * The first block of `2^(32 - prefixLength)` addresses, aligned, at or after
   * `from` (wrapping round once), that overlaps neither the tenant's space
   * (but `excludeOwner`'s) nor `alsoUsed`; null when the space is full.
   */
  nextFree(
    from: number,
    prefixLength: number,
    alsoUsed: readonly AddressRange[] = [],
    excludeOwner?: string,
  ): number | null {
    const size = 2 ** (32 - prefixLength);
    const align = (address: number) => Math.ceil(address / size) * size;
    const holes = excludeOwner === undefined ? [] : this.holesOf(excludeOwner);
    let candidate = align(from);
    let wrapped = false;
    // Each step passes at least one used run, so this ends well before the bound.
    for (let steps = 0; steps < 1_000_000; steps++) {
      if (candidate + size - 1 > 0xffffffff) {
        if (wrapped) return null;
        wrapped = true;
        candidate = 0;
        continue;
      }
      if (wrapped && candidate >= from) return null;
      const blocker = this.usedRunEnd({ start: candidate, end: candidate + size - 1 }, alsoUsed, holes);
      if (blocker === null) return candidate;
      candidate = align(blocker + 1);
    }
    return null;
  }

  /**
   * The addresses only `owner` uses (its blocks less everyone else's), sorted
   * and disjoint: the merged space minus these is the space without `owner`.
   */
  private holesOf(owner: string): AddressRange[] {
    const holes: AddressRange[] = [];
    for (const block of this.byOwner.get(owner) ?? []) {
      let cursor = block.start;
      for (const other of this.overlapping(block, owner)) {
        if (other.start > cursor) holes.push({ start: cursor, end: Math.min(other.start - 1, block.end) });
        cursor = Math.max(cursor, other.end + 1);
        if (cursor > block.end) break;
      }
      if (cursor <= block.end) holes.push({ start: cursor, end: block.end });
    }
    holes.sort((a, b) => a.start - b.start);
    const merged: AddressRange[] = [];
    for (const h of holes) {
      const last = merged[merged.length - 1];
      if (last && h.start <= last.end + 1) last.end = Math.max(last.end, h.end);
      else merged.push({ ...h });
    }
    return merged;
  }

  /**
   * When `range` shares an address with the used space (the merged blocks
   * less `holes`, plus `alsoUsed`): the end of a used run it meets, so the
   * search can jump past it; null when it is free.
   */
  private usedRunEnd(
    range: AddressRange,
    alsoUsed: readonly AddressRange[],
    holes: readonly AddressRange[],
  ): number | null {
    for (const other of alsoUsed) if (other.start <= range.end && other.end >= range.start) return other.end;
    // The first merged interval ending at or after the range's start.
    let lo = 0;
    let hi = this.merged.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (itemAt(this.merged, mid, 'used interval').end < range.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.merged.length; i++) {
      const m = itemAt(this.merged, i, 'used interval');
      if (m.start > range.end) break;
      // Walk the holes from the first used address of m within the range.
      let point = Math.max(m.start, range.start);
      const stop = Math.min(m.end, range.end);
      for (const h of holes) {
        if (h.end < point) continue;
        if (h.start > point) break;
        point = h.end + 1;
      }
      if (point > stop) continue;
      // `point` is used: its run lasts until the next hole or m's end.
      const next = holes.find((h) => h.start > point);
      return next && next.start <= m.end ? next.start - 1 : m.end;
    }
    return null;
  }
}
