import {
  GraphQLError,
  GraphQLScalarType,
  GraphQLSchema,
  Kind,
  print,
  visit,
  type DocumentNode,
  type GraphQLField,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import { plainInputCheck, type PlainInputCheck } from '../graphql/plain-input';

// One pass over a hot list argument instead of two (issue 16). graphql-jit
// coerces a 500-item `input` (a copy of every item, every DateTime parsed)
// and the service then checks each item again. For a list argument with a
// precheck, the compiled executor keeps a second compilation of the document
// in which that variable's type is a private scalar (in a copy of the schema
// that only this executor sees) whose parseValue takes the JSON list as it is
// when GraphQL's coercion would return it unchanged (plain-input.ts) and the
// precheck passes every item; the resolver then gets the list as sent. Any
// other value refuses that variant, and the operation runs on the standard
// compilation, where GraphQL coerces and words its refusals as before.

export interface Precheck {
  /** A root field of the hot operations. */
  field: string;
  /** Its list argument given by a variable. */
  argument: string;
  /** Every item valid for the service, the list being plain JSON of the argument's type (the service may keep what it made). */
  check(items: readonly unknown[]): boolean;
}

interface Variant {
  schema: GraphQLSchema;
  document: DocumentNode;
}

const scalarName = (p: Precheck): string => `QihePrechecked_${p.field}_${p.argument}`;

export function prechecking(prechecks: readonly Precheck[], scalars: Readonly<Record<string, PlainInputCheck>>): { variantOf(schema: GraphQLSchema, document: DocumentNode, op: OperationDefinitionNode): Variant | null } {
  const schemas = new WeakMap<GraphQLSchema, GraphQLSchema | null>();
  const fieldOf = (schema: GraphQLSchema, op: OperationDefinitionNode, name: string): GraphQLField<unknown, unknown> | undefined =>
    (op.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType())?.getFields()[name];

  /** The schema with one private scalar per precheck (the same type objects, resolvers included, besides). */
  const privateSchema = (schema: GraphQLSchema): GraphQLSchema | null => {
    let s = schemas.get(schema);
    if (s !== undefined) return s;
    const types = prechecks.map((p) => {
      const field = schema.getMutationType()?.getFields()[p.field] ?? schema.getQueryType()?.getFields()[p.field];
      const arg = field?.args.find((a) => a.name === p.argument);
      if (!arg) return null;
      const plain = plainInputCheck(arg.type, scalars);
      return new GraphQLScalarType({
        name: scalarName(p),
        parseValue(v) {
          if (Array.isArray(v) && plain(v) && p.check(v)) return v;
          throw new GraphQLError('not prechecked'); // never answered: the standard compilation runs instead
        },
      });
    });
    const config = schema.toConfig();
    s = types.every((t) => t) ? new GraphQLSchema({ ...config, types: [...config.types, ...(types as GraphQLScalarType[])] }) : null;
    schemas.set(schema, s);
    return s;
  };

  return {
    variantOf(schema, document, op) {
      const rewrite = new Map<string, string>(); // variable → private scalar
      for (const sel of op.selectionSet.selections) {
        if (sel.kind !== Kind.FIELD) return null;
        for (const p of prechecks) {
          if (sel.name.value !== p.field) continue;
          const argNode = sel.arguments?.find((a) => a.name.value === p.argument);
          const arg = fieldOf(schema, op, p.field)?.args.find((a) => a.name === p.argument);
          if (!argNode || !arg || argNode.value.kind !== Kind.VARIABLE) continue;
          const name = argNode.value.name.value;
          const def = op.variableDefinitions?.find((d) => d.variable.name.value === name);
          // Exactly the argument's type, no default, used nowhere else: the list reaches this argument alone, as sent.
          if (!def || def.defaultValue || print(def.type) !== String(arg.type) || usesOf(document, name) !== 1) continue;
          rewrite.set(name, scalarName(p));
        }
      }
      const s = rewrite.size ? privateSchema(schema) : null;
      if (!s) return null;
      const doc = visit(document, {
        VariableDefinition(node) {
          const scalar = rewrite.get(node.variable.name.value);
          if (!scalar) return undefined;
          const named: TypeNode = { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: scalar } };
          return { ...node, type: node.type.kind === Kind.NON_NULL_TYPE ? { kind: Kind.NON_NULL_TYPE, type: named } : named };
        },
      });
      return { schema: s, document: doc };
    },
  };
}

function usesOf(document: DocumentNode, name: string): number {
  let n = 0;
  visit(document, {
    VariableDefinition: () => false, // the definition itself is not a use
    Variable(node) {
      if (node.name.value === name) n++;
    },
  });
  return n;
}
