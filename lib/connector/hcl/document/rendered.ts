/**
 * The renderer's items for a design, reusing the items of every block it
 * shares with the previously rendered design. A form snapshot shares every
 * object a change did not touch, so after a keystroke only the path to the
 * changed field is rendered again — the same items renderConnectorBodyItems
 * would give.
 */
import { blocksOf, type BodySpec } from '../../resource';
import { recordsOf, type LooseRecord } from '../loose';
import { renderBodyAttributeItems } from '../render';
import { block, type HclBlock, type HclBodyItem } from '../writer';

export interface BodyRendering {
  record: LooseRecord;
  /** Every attribute written. */
  full: HclBodyItem[];
  /** Attributes equal to their default left out (when the options say so). */
  shown: HclBodyItem[];
}

function blocksNamed(items: HclBodyItem[], name: string): HclBlock[] {
  return items.filter((i): i is HclBlock => i.kind === 'block' && i.type === name);
}

export function renderReusing(body: BodySpec, record: LooseRecord, omitDefaults: boolean, previous?: BodyRendering): BodyRendering {
  if (previous && previous.record === record) return previous;
  const full = renderBodyAttributeItems(body, record, false);
  const shown = omitDefaults ? renderBodyAttributeItems(body, record, true) : full.slice();
  for (const [name, nested] of blocksOf(body)) {
    const before = previous ? recordsOf(previous.record[name]).map((r) => r.item) : [];
    const beforeFull = previous ? blocksNamed(previous.full, name) : [];
    const beforeShown = previous ? blocksNamed(previous.shown, name) : [];
    const at = new Map<LooseRecord, number>();
    before.forEach((item, k) => at.set(item, k));
    recordsOf(record[name]).forEach(({ item }, position) => {
      // The same block object (rendered already), else the block that was at this position (sharing its unchanged children).
      const k = at.get(item) ?? position;
      const earlier = k < before.length && beforeFull[k] && beforeShown[k] ? { record: before[k], full: beforeFull[k].body, shown: beforeShown[k].body } : undefined;
      const child = renderReusing(nested.body, item, omitDefaults, earlier);
      full.push(block(name, [], child.full));
      shown.push(block(name, [], child.shown));
    });
  }
  return { record, full, shown };
}
