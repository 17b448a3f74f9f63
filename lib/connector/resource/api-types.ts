/**
 * The Alkira REST JSON of a body, derived at the type level from a resource
 * description (the counterpart of `DesignBody` in ./types): each attribute
 * and block under its `api` name, with the presence the design ↔ API mapping
 * (lib/connector/api-walk.ts) gives it:
 *
 * - sent always: required attributes, attributes with a provider default
 *   (the mapping fills it), lists that are neither protocol-dependent nor
 *   `apiOmitEmpty` (sent as `[]` when unset), blocks with min_items ≥ 1;
 * - optional: everything else, computed attributes (response only) and a
 *   block's `apiResponseFields`.
 *
 * `N` is how a settable number is typed: `number` for what the service has
 * checked, wider for bodies mapped from designs not resolved yet.
 */
import type { AttributeSpec, BodySpec, ValueType } from './types';

type ApiValue<T extends ValueType, N> = T extends 'string'
  ? string
  : T extends 'number'
    ? N
    : T extends 'bool'
      ? boolean
      : T extends 'list(string)'
        ? string[]
        : N[];

type IsList<T extends ValueType> = T extends `${string}(${string})` ? true : false;

/** True when the mapping always puts the attribute in the body. */
type AlwaysSent<A extends AttributeSpec> = A['presence'] extends 'required'
  ? true
  : A['presence'] extends 'optional'
    ? A extends { readonly default: boolean | string }
      ? true
      : IsList<A['type']> extends true
        ? A extends { readonly onlyWithProtocol: string }
          ? false
          : A extends { readonly apiOmitEmpty: true }
            ? false
            : true
        : false
    : false;

type IsSettable<A extends AttributeSpec> = A['presence'] extends 'required' | 'optional' ? true : false;

/** The JSON type of an attribute: settable numbers are `N`; computed ones (ids) are what the service assigns. */
type AttributeApiValue<A extends AttributeSpec, N> =
  IsSettable<A> extends true
    ? ApiValue<A['type'], N>
    : A extends { readonly apiType: infer T extends ValueType }
      ? ApiValue<T, number>
      : ApiValue<A['type'], number>;

type ApiNameOf<A> = A extends { readonly api: infer Name extends string } ? Name : never;

type SentAttributes<B extends BodySpec, N> = {
  -readonly [K in keyof B['attributes'] as AlwaysSent<B['attributes'][K]> extends true
    ? ApiNameOf<B['attributes'][K]>
    : never]: AttributeApiValue<B['attributes'][K], N>;
};

type OptionalAttributes<B extends BodySpec, N> = {
  -readonly [K in keyof B['attributes'] as AlwaysSent<B['attributes'][K]> extends true
    ? never
    : ApiNameOf<B['attributes'][K]>]?: AttributeApiValue<B['attributes'][K], N>;
};

type SentBlocks<B extends BodySpec, N> = {
  -readonly [K in keyof B['blocks'] as B['blocks'][K]['minItems'] extends 0 ? never : B['blocks'][K]['api']]: ApiItem<
    B['blocks'][K],
    N
  >[];
};

type OptionalBlocks<B extends BodySpec, N> = {
  -readonly [K in keyof B['blocks'] as B['blocks'][K]['minItems'] extends 0 ? B['blocks'][K]['api'] : never]?: ApiItem<
    B['blocks'][K],
    N
  >[];
};

/** One item of a block: its body, plus the response-only fields the API adds. */
type ApiItem<K extends BodySpec['blocks'][string], N> = ApiBody<K['body'], N> &
  (K extends { readonly apiResponseFields: infer F extends { readonly [name: string]: 'string' | 'number' } }
    ? { -readonly [Name in keyof F]?: ApiValue<F[Name], number> }
    : unknown);

/** The Alkira API JSON of one body of a resource description. */
export type ApiBody<B extends BodySpec, N = number> = SentAttributes<B, N> &
  OptionalAttributes<B, N> &
  SentBlocks<B, N> &
  OptionalBlocks<B, N>;
