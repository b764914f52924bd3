import { GraphQLBoolean, GraphQLFloat, GraphQLID, GraphQLInt, GraphQLString, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputObjectType, type GraphQLInputType } from 'graphql';

/** Whether a variable's JSON value is one that GraphQL's coercion would return unchanged. */
export type PlainInputCheck = (value: unknown) => boolean;

const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);

const BUILT_IN: ReadonlyMap<string, PlainInputCheck> = new Map<string, PlainInputCheck>([
  [GraphQLString.name, (v) => typeof v === 'string'],
  [GraphQLBoolean.name, (v) => typeof v === 'boolean'],
  [GraphQLInt.name, (v) => typeof v === 'number' && Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX],
  [GraphQLFloat.name, (v) => typeof v === 'number' && Number.isFinite(v)],
  // GraphQL turns an integer ID into a string: not "unchanged", so only strings.
  [GraphQLID.name, (v) => typeof v === 'string'],
]);

/**
 * A check, built once per input type, that a JSON value is accepted by
 * GraphQL's variable coercion (graphql-js coerceInputValue) and comes out
 * of it equal to itself: the same keys, the same values, no default filled
 * in, no single value wrapped into a list, enum names whose values are the
 * names. `scalars` says the same for custom scalars (a text the scalar
 * parses, judged on its text); a scalar not named there is never plain.
 * false never refuses anything: the caller then coerces as usual, and
 * GraphQL's own message speaks.
 */
export function plainInputCheck(type: GraphQLInputType, scalars: Readonly<Record<string, PlainInputCheck>>): PlainInputCheck {
  if (isNonNullType(type)) {
    const inner = plainInputCheck(type.ofType, scalars);
    return (v) => v !== null && v !== undefined && inner(v);
  }
  const nullable = (check: PlainInputCheck): PlainInputCheck => (v) => v === null || check(v);
  if (isListType(type)) {
    const item = plainInputCheck(type.ofType, scalars);
    return nullable((v) => Array.isArray(v) && v.every(item));
  }
  if (isEnumType(type)) {
    const names = new Set(type.getValues().filter((e) => e.value === e.name).map((e) => e.name));
    return nullable((v) => typeof v === 'string' && names.has(v));
  }
  if (isInputObjectType(type)) return nullable(inputObjectCheck(type, scalars));
  const scalar = BUILT_IN.get(type.name) ?? scalars[type.name];
  return scalar ? nullable(scalar) : () => false;
}

function inputObjectCheck(type: GraphQLInputObjectType, scalars: Readonly<Record<string, PlainInputCheck>>): PlainInputCheck {
  if (type.isOneOf) return () => false;
  const fields = Object.values(type.getFields());
  // Built on first use: input types may refer to each other.
  let checks: Map<string, PlainInputCheck> | null = null;
  let required: string[] = [];
  let defaulted: string[] = [];
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    if (!checks) {
      checks = new Map(fields.map((f) => [f.name, plainInputCheck(f.type, scalars)]));
      required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
      defaulted = fields.filter((f) => f.defaultValue !== undefined).map((f) => f.name);
    }
    const obj = v as Record<string, unknown>;
    for (const k in obj) {
      const check = checks.get(k);
      // An unknown field, or one sent as undefined (not from JSON): GraphQL's answer, not ours.
      if (!check || obj[k] === undefined || !check(obj[k])) return false;
    }
    for (const k of required) if (!Object.hasOwn(obj, k)) return false;
    for (const k of defaulted) if (!Object.hasOwn(obj, k)) return false;
    return true;
  };
}
