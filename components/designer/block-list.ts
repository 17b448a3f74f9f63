'use client';
/**
 * A list of blocks in the form (instances, gateways, tunnels, segment
 * options): react-hook-form's field array for the rows, and each row added or
 * removed is one block inserted into or removed from the document.
 */
import { useFieldArray, useFormContext, type FieldArray } from 'react-hook-form';
import type { ConnectorDesign } from '@/lib/connector/design';
import { designPathOf } from '@/lib/connector/hcl/document/operations';
import type { LooseRecord } from '@/lib/util/records';
import { useDocumentStore } from './design-document-context';
import type { FormArrayPath } from './form-types';

export function useBlockList<N extends FormArrayPath>(name: N) {
  const { control, getValues } = useFormContext<ConnectorDesign>();
  const store = useDocumentStore();
  const array = useFieldArray<ConnectorDesign, N>({ control, name });
  const path = designPathOf(name);
  const insert = (index: number, value: FieldArray<ConnectorDesign, N>) => {
    array.insert(index, value);
    store.listChanged({ kind: 'insert-block', path: [...path, index], value: value as LooseRecord });
  };
  return {
    fields: array.fields,
    append: (value: FieldArray<ConnectorDesign, N>) =>
      insert((getValues(name) as unknown[] | undefined)?.length ?? 0, value),
    insert,
    remove: (index: number) => {
      array.remove(index);
      store.listChanged({ kind: 'remove-block', path: [...path, index] });
    },
  };
}
