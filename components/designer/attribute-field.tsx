'use client';
/**
 * Form fields derived from the resource description: the input kind
 * (`inputKindOf`: text, number, select with the enum values, checkbox,
 * secret, tenant picker, list), the label, the required mark and the help
 * all come from the attribute at the path; ./form-layout.ts adds only
 * placement. `BodyFields` renders every attribute of one block in the
 * description's order, so a new optional attribute shows up in the form
 * without a hand-written input.
 */
import {
  CONNECTOR_RESOURCE,
  attributeAt,
  designAttributes,
  inputKindOf,
  locate,
  schemaPath,
  type BodySpec,
} from '@/lib/connector/resource';
import { CatalogField, CatalogListField } from './catalog-field';
import { CATALOG_OF, EXPRESSION_EXAMPLE, FIELD_LAYOUT, type FieldLayout } from './form-layout';
import { ListOrExpression } from './expression-parts';
import { CheckboxField, SelectField, TextField, ValueListField } from './form-fields';
import { SecretField } from './secret-field';
import type { FormPath } from './form-types';

/** True when the path names an attribute of the description (so the form holds a value there). */
function isAttributePath(path: string): path is FormPath {
  return attributeAt(path) !== undefined;
}

/** A plural label's singular, for naming one row of a list: "Billing tags" → "Billing tag". */
function singular(label: string): string {
  return label.endsWith('s') ? label.slice(0, -1) : label;
}

interface AttributeFieldProps extends Pick<FieldLayout, 'label' | 'className'> {
  /** A design path with indices, e.g. `instances.0.loopback_subnet`. */
  path: string;
}

/** One attribute's input, chosen by its description. `label` and `className` override the layout. */
export function AttributeField({ path, label, className }: AttributeFieldProps) {
  const spec = attributeAt(path);
  if (!spec || !isAttributePath(path)) return null;
  const layout = FIELD_LAYOUT[schemaPath(path)] ?? {};
  const shown = label ?? layout.label ?? spec.label;
  const cell = className ?? layout.className;
  const required = spec.presence === 'required';
  const kind = inputKindOf(spec);
  if (spec.reference && (kind === 'reference' || kind === 'list')) {
    const catalog = CATALOG_OF[spec.reference];
    const example = EXPRESSION_EXAMPLE[spec.reference];
    if (kind === 'list') {
      const item = layout.itemLabel ?? singular(shown);
      return (
        <ListOrExpression path={path} label={shown}>
          <CatalogListField
            path={path}
            label={shown}
            itemLabel={item}
            addLabel={layout.addLabel ?? `Add ${item.toLowerCase()}`}
            kind={catalog}
            expressionPlaceholder={example}
          />
        </ListOrExpression>
      );
    }
    return (
      <CatalogField
        path={path}
        label={shown}
        kind={catalog}
        required={required}
        expressionPlaceholder={example}
        className={cell}
      />
    );
  }
  switch (kind) {
    case 'secret':
      return <SecretField path={path} label={shown} required={required} className={cell} />;
    case 'select':
      return <SelectField path={path} label={shown} options={spec.enum ?? []} required={required} className={cell} />;
    case 'checkbox':
      return <CheckboxField path={path} label={shown} className={cell} />;
    case 'list': {
      const item = layout.itemLabel ?? singular(shown);
      return (
        <ListOrExpression path={path} label={shown}>
          <ValueListField
            path={path}
            label={shown}
            itemLabel={item}
            addLabel={layout.addLabel ?? `Add ${item.toLowerCase()}`}
            placeholder={layout.placeholder}
            inputMode={spec.type.includes('number') ? 'numeric' : undefined}
          />
        </ListOrExpression>
      );
    }
    case 'number':
      return (
        <TextField
          path={path}
          label={shown}
          required={required}
          mono
          inputMode="numeric"
          placeholder={layout.placeholder}
          className={cell}
        />
      );
    default:
      return (
        <TextField
          path={path}
          label={shown}
          required={required}
          mono={layout.mono}
          placeholder={layout.placeholder}
          className={cell}
        />
      );
  }
}

/** The body of the block at `base` ('' is the resource itself). */
function bodyAt(base: string): BodySpec | undefined {
  if (base === '') return CONNECTOR_RESOURCE;
  const found = locate(base);
  return found?.kind === 'block' ? found.spec.body : undefined;
}

interface BodyFieldsProps {
  /** The block item's path, e.g. `instances.0` ('' for the resource). */
  base: string;
  /** Render only the attributes sent with this tunnel protocol (default: those sent with every protocol). */
  protocol?: string;
}

/** Every design attribute of a block item, in the description's order, except those placed elsewhere. */
export function BodyFields({ base, protocol }: BodyFieldsProps) {
  const body = bodyAt(base);
  if (!body) return null;
  return designAttributes(body).map(([name, spec]) => {
    const path = base ? `${base}.${name}` : name;
    if (spec.onlyWithProtocol !== protocol || FIELD_LAYOUT[schemaPath(path)]?.placedElsewhere) return null;
    return <AttributeField key={name} path={path} />;
  });
}
