import {
  astFromValue,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  isScalarType,
  isUnionType,
  print,
  GraphQLSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from 'graphql';

// Does a server schema still serve every client written against the contract?
// The rules are the ones of a safe schema evolution: the server may add types,
// fields, enum values and optional arguments, and may make an output stricter
// (nullable -> non-null); anything a contract client reads or sends must keep
// its name, kind and type.

const kindOf = (t: GraphQLNamedType): string => {
  if (isObjectType(t)) return 'OBJECT';
  if (isInterfaceType(t)) return 'INTERFACE';
  if (isUnionType(t)) return 'UNION';
  if (isEnumType(t)) return 'ENUM';
  if (isInputObjectType(t)) return 'INPUT_OBJECT';
  if (isScalarType(t)) return 'SCALAR';
  return 'UNKNOWN';
};

/** A client expecting `contract` can read `actual`: same named type, lists alike, non-null may only be added. */
export function isOutputCompatible(contract: GraphQLOutputType, actual: GraphQLOutputType): boolean {
  if (isNonNullType(actual)) {
    return isOutputCompatible(isNonNullType(contract) ? contract.ofType : contract, actual.ofType);
  }
  if (isNonNullType(contract)) return false;
  if (isListType(contract) || isListType(actual)) {
    return isListType(contract) && isListType(actual) && isOutputCompatible(contract.ofType, actual.ofType);
  }
  return contract.name === actual.name;
}

// Input types are compared by their printed form ("[TouchpointInput!]!"): an
// argument a client sends must be typed exactly as the contract says.
const sameInputType = (a: GraphQLInputType, b: GraphQLInputType): boolean => String(a) === String(b);

function printedDefault(value: unknown, type: GraphQLInputType): string | undefined {
  if (value === undefined) return undefined;
  const ast = astFromValue(value, type);
  return ast ? print(ast) : 'null';
}

function checkArguments(where: string, contract: GraphQLField<unknown, unknown>, actual: GraphQLField<unknown, unknown>, out: string[]): void {
  const actualArgs = new Map<string, GraphQLArgument>(actual.args.map((a) => [a.name, a]));
  for (const arg of contract.args) {
    const other = actualArgs.get(arg.name);
    if (!other) {
      out.push(`${where}(${arg.name}): argument missing`);
      continue;
    }
    if (!sameInputType(arg.type, other.type)) {
      out.push(`${where}(${arg.name}): argument type ${String(other.type)}, contract says ${String(arg.type)}`);
      continue;
    }
    const want = printedDefault(arg.defaultValue, arg.type);
    const got = printedDefault(other.defaultValue, other.type);
    if (want !== got) out.push(`${where}(${arg.name}): default ${got ?? 'none'}, contract says ${want ?? 'none'}`);
  }
  const known = new Set(contract.args.map((a) => a.name));
  for (const arg of actual.args) {
    if (!known.has(arg.name) && isRequiredArgument(arg)) out.push(`${where}(${arg.name}): new required argument`);
  }
}

function checkFields(name: string, contract: GraphQLNamedType, actual: GraphQLNamedType, out: string[]): void {
  if (!(isObjectType(contract) || isInterfaceType(contract)) || !(isObjectType(actual) || isInterfaceType(actual))) return;
  const actualFields = actual.getFields();
  for (const field of Object.values(contract.getFields())) {
    const where = `${name}.${field.name}`;
    const other = actualFields[field.name];
    if (!other) {
      out.push(`${where}: field missing`);
      continue;
    }
    if (!isOutputCompatible(field.type, other.type)) out.push(`${where}: type ${String(other.type)}, contract says ${String(field.type)}`);
    checkArguments(where, field, other, out);
  }
  const implemented = new Set(actual.getInterfaces().map((i) => i.name));
  for (const i of contract.getInterfaces()) {
    if (!implemented.has(i.name)) out.push(`${name}: does not implement ${i.name}`);
  }
}

function checkInputFields(name: string, contract: GraphQLNamedType, actual: GraphQLNamedType, out: string[]): void {
  if (!isInputObjectType(contract) || !isInputObjectType(actual)) return;
  const contractFields = contract.getFields();
  const actualFields = actual.getFields();
  for (const field of Object.values(contractFields)) {
    const other = actualFields[field.name];
    if (!other) out.push(`${name}.${field.name}: input field missing`);
    else if (!sameInputType(field.type, other.type)) out.push(`${name}.${field.name}: input type ${String(other.type)}, contract says ${String(field.type)}`);
  }
  for (const field of Object.values(actualFields)) {
    if (!contractFields[field.name] && isRequiredInputField(field)) out.push(`${name}.${field.name}: new required input field`);
  }
}

function checkType(name: string, contract: GraphQLNamedType, actual: GraphQLNamedType, out: string[]): void {
  if (kindOf(contract) !== kindOf(actual)) {
    out.push(`${name}: is ${kindOf(actual)}, contract says ${kindOf(contract)}`);
    return;
  }
  checkFields(name, contract, actual, out);
  checkInputFields(name, contract, actual, out);
  if (isEnumType(contract) && isEnumType(actual)) {
    const values = new Set(actual.getValues().map((v) => v.name));
    for (const v of contract.getValues()) if (!values.has(v.name)) out.push(`${name}.${v.name}: enum value missing`);
  }
  if (isUnionType(contract) && isUnionType(actual)) {
    const members = new Set(actual.getTypes().map((t) => t.name));
    for (const t of contract.getTypes()) if (!members.has(t.name)) out.push(`${name}: union member ${t.name} missing`);
  }
}

/** Every way `actual` breaks a client of `contract`, one sentence each; [] when it serves the contract. */
export function findIncompatibilities(contract: GraphQLSchema, actual: GraphQLSchema): string[] {
  const out: string[] = [];
  const roots = [
    ['query', contract.getQueryType(), actual.getQueryType()],
    ['mutation', contract.getMutationType(), actual.getMutationType()],
    ['subscription', contract.getSubscriptionType(), actual.getSubscriptionType()],
  ] as const;
  for (const [op, c, a] of roots) {
    if (c && a?.name !== c.name) out.push(`schema.${op}: root type ${a?.name ?? 'missing'}, contract says ${c.name}`);
  }
  for (const [name, type] of Object.entries(contract.getTypeMap())) {
    if (name.startsWith('__')) continue;
    const other = actual.getType(name);
    if (!other) out.push(`${name}: type missing`);
    else checkType(name, type, other, out);
  }
  return out;
}

/**
 * The types a schema's roots reach. Nest adds every GraphQL type class loaded in
 * the process as an orphan, so a test that loads both apps sees the gateway's
 * types in the site's schema; clients only ever reach these.
 */
export function reachable(schema: GraphQLSchema): GraphQLSchema {
  return new GraphQLSchema({ query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() });
}
