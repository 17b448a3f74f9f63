/**
 * A tunnel protocol switch as operations on the file: the values only the old
 * protocol sends leave the file (the designer keeps them aside, so switching
 * back restores them), the kept values of the new protocol come back. Which
 * values belong to a protocol is the description's `onlyWithProtocol`.
 */
import { CONNECTOR_RESOURCE, designAttributes, blocksOf } from '../../resource';
import { isRecord, type LooseRecord } from '@/lib/util/records';
import type { DesignOperation } from './operations';

const INSTANCE = CONNECTOR_RESOURCE.blocks.instances.body;

/**
 * The operations that bring every instance of `values` (the form's, holding both protocols' values) to
 * `protocol`; `count` says how many blocks of a kind an instance has in the file now.
 */
export function protocolSwitchOperations(
  values: LooseRecord,
  protocol: string,
  count: (instance: number, block: string) => number,
): DesignOperation[] {
  const ops: DesignOperation[] = [];
  const instances = Array.isArray(values.instances) ? values.instances : [];
  instances.forEach((instance, i) => {
    if (!isRecord(instance)) return;
    for (const [name, spec] of designAttributes(INSTANCE)) {
      if (spec.onlyWithProtocol === undefined) continue;
      ops.push({
        kind: 'set',
        path: ['instances', i, name],
        value: spec.onlyWithProtocol === protocol ? instance[name] : undefined,
      });
    }
    for (const [name, spec] of blocksOf(INSTANCE)) {
      if (spec.onlyWithProtocol === undefined) continue;
      const inFile = count(i, name);
      if (spec.onlyWithProtocol !== protocol) {
        // From the last, so the indices of the others hold.
        for (let k = inFile - 1; k >= 0; k--) ops.push({ kind: 'remove-block', path: ['instances', i, name, k] });
        continue;
      }
      if (inFile > 0) continue;
      const list = Array.isArray(instance[name]) ? (instance[name] as unknown[]) : [];
      list.forEach((item, k) => {
        if (isRecord(item)) ops.push({ kind: 'insert-block', path: ['instances', i, name, k], value: item });
      });
    }
  });
  return ops;
}
