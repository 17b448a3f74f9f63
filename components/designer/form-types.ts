import type { FieldArrayPath, Path } from 'react-hook-form';
import type { ConnectorDesign } from '@/lib/connector/design';

/** Any field path of the design form, e.g. `instances.0.loopback_subnet`. */
export type FormPath = Path<ConnectorDesign>;
/** Any path of a list of blocks handled by useFieldArray. */
export type FormArrayPath = FieldArrayPath<ConnectorDesign>;
