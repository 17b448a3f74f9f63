/**
 * The vocabulary of a resource description, in the style of a Terraform
 * provider schema (`terraform providers schema -json`), plus what this app
 * needs beyond it: the Alkira API name, the provider default, enum values,
 * the kind of tenant object a reference names, and a label and help text.
 *
 * The TypeScript types of a design are derived from a description at the type
 * level (`DesignBody`, `FormBody`), so an attribute is declared exactly once.
 */

import type { StoredSecret } from '../stored-secret';

/** Attribute types as the provider schema spells them (`["list","string"]` → `list(string)`). */
export type ValueType = 'string' | 'number' | 'bool' | 'list(string)' | 'list(number)' | 'set(number)';

/**
 * Required, optional, computed (read-only), or optional+computed (the
 * provider's top-level `id`: settable in theory, in practice assigned by the
 * provider and never part of a design).
 */
export type Presence = 'required' | 'optional' | 'computed' | 'optional+computed';

/** The tenant object a reference attribute names (what the catalog picker lists). */
export type ReferenceKind = 'segment' | 'credential' | 'group' | 'billing_tag' | 'tunnel_profile' | 'cxp';

export interface AttributeSpec {
  readonly type: ValueType;
  readonly presence: Presence;
  /** The camelCase name in the Alkira REST JSON; absent when the API does not carry it. */
  readonly api?: string;
  /** The provider's default (alkira-api.md), filled in when the attribute is unset. */
  readonly default?: boolean | string;
  /** The provider marks it Sensitive: never shown, logged or quoted back. */
  readonly sensitive?: true;
  /**
   * A sensitive attribute whose written values are kept out of exported files:
   * with the "variable" key option each literal value becomes a sensitive
   * variable `<resource label>_<variable>_<n>`. (A stored secret, whose value
   * the user cannot see, always becomes a variable, named after the attribute.)
   */
  readonly variable?: string;
  readonly enum?: readonly string[];
  readonly reference?: ReferenceKind;
  /** Sent to the API only with this tunnel protocol (the service rejects it with the others). */
  readonly onlyWithProtocol?: string;
  /** The API's JSON type when it differs from the provider's (the provider keeps the connector id as a string). */
  readonly apiType?: 'string' | 'number';
  /** A list the API body leaves out when it is empty rather than sending `[]` (the service then picks a value itself). */
  readonly apiOmitEmpty?: true;
  /** Short label for forms and the detail view. */
  readonly label: string;
  /** Help text, condensed from the provider's documentation. */
  readonly doc: string;
}

export interface BlockSpec {
  readonly nesting: 'list' | 'set';
  /** The provider's `min_items`; 0 when the block may be left out. */
  readonly minItems: number;
  readonly api: string;
  readonly onlyWithProtocol?: string;
  readonly label: string;
  readonly doc: string;
  readonly body: BodySpec;
  /**
   * Fields the API returns for each item that the provider schema does not
   * have (response only; a request may echo them back).
   */
  readonly apiResponseFields?: { readonly [apiName: string]: 'string' | 'number' };
  /** The attribute that tells one block from its siblings: a plan pairs blocks by it (a removed first instance is one delete). */
  readonly identity?: string;
}

/** One level of nesting. Object key order is the order `terraform fmt`-style output writes them in. */
export interface BodySpec {
  readonly attributes: { readonly [hclName: string]: AttributeSpec };
  readonly blocks: { readonly [hclName: string]: BlockSpec };
}

/** A string of the exact form `${…}`: a Terraform expression in a design value. */
export type TerraformExpression = `\${${string}}`;

/** A number, a numeric string or a `${expression}` (form state, before parsing). */
export type NumberLike = number | string;

/** True when the attribute is part of a design (computed attributes are the provider's to set). */
type IsDesignAttribute<A extends AttributeSpec> = A['presence'] extends 'required' | 'optional' ? true : false;

/** Value types of the strict, parsed design. */
type StrictValue<T extends ValueType> = T extends 'string'
  ? string
  : T extends 'number'
    ? NumberLike
    : T extends 'bool'
      ? boolean
      : T extends 'list(string)'
        ? string[] | TerraformExpression
        : NumberLike[] | TerraformExpression;

type RequiredAttributeKeys<B extends BodySpec> = {
  [K in keyof B['attributes']]: B['attributes'][K]['presence'] extends 'required' ? K : never;
}[keyof B['attributes']];

type OptionalAttributeKeys<B extends BodySpec> = {
  [K in keyof B['attributes']]: IsDesignAttribute<B['attributes'][K]> extends true
    ? B['attributes'][K]['presence'] extends 'optional'
      ? K
      : never
    : never;
}[keyof B['attributes']];

type RequiredBlockKeys<B extends BodySpec> = {
  [K in keyof B['blocks']]: B['blocks'][K]['minItems'] extends 0 ? never : K;
}[keyof B['blocks']];

type OptionalBlockKeys<B extends BodySpec> = {
  [K in keyof B['blocks']]: B['blocks'][K]['minItems'] extends 0 ? K : never;
}[keyof B['blocks']];

/** A sensitive attribute holds text the caller supplies, or the stored secret ("keep what the server holds"). */
type AttributeValue<A extends AttributeSpec> = A['sensitive'] extends true
  ? StrictValue<A['type']> | StoredSecret
  : StrictValue<A['type']>;

type ValueAt<B extends BodySpec, K> = K extends keyof B['attributes']
  ? AttributeValue<B['attributes'][K]>
  : K extends keyof B['blocks']
    ? DesignBody<B['blocks'][K]['body']>[]
    : never;

/**
 * `dynamic "<block>" { … }` blocks of one body, by the block they generate:
 * their source text as written (re-indented to column 0). Terraform expands
 * them; a design keeps them whole and writes them back untouched.
 */
export type DynamicBlocks = { [blockName: string]: string[] };

/**
 * A body nothing has checked yet (a request body, raw form state, Alkira JSON): what the design rules and the
 * design ↔ API walk read, defensively. `DesignBody` is what a check makes of one.
 */
export type UncheckedBody = Readonly<Record<string, unknown>>;

/** The design shape of one body: required attributes and blocks with min_items ≥ 1 are required keys. */
export type DesignBody<B extends BodySpec> = {
  dynamic?: DynamicBlocks;
} & {
  -readonly [K in RequiredAttributeKeys<B> | RequiredBlockKeys<B>]: ValueAt<B, K>;
} & {
  -readonly [K in OptionalAttributeKeys<B> | OptionalBlockKeys<B>]?: ValueAt<B, K>;
};
