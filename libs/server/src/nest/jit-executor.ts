import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { execute, GraphQLError, Kind, lexicographicSortSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { PlainInputCheck } from '../graphql/plain-input';
import { prechecking, type Precheck } from './jit-precheck';

// A compiled executor (graphql-jit) for a few hot operations, through Apollo
// Server's executor hook (its gateway interface): a mutation whose every root
// field is one of `fields`, or a query whose every root field is one of
// `queries`, runs as compiled JavaScript — variable coercion of a 500-item
// list and the completion of a 1,000-entry answer included — and every other
// operation runs through graphql-js's execute as before. When the compiled coercion refuses
// the variables, the operation runs through graphql-js instead, so every
// refusal keeps graphql-js's own message (nothing has run yet at that point).
// An operation with any other root field (even __typename) takes the standard
// path: the tests compare the two paths with the same batch that way.

type Gateway = NonNullable<ApolloServerOptions<BaseContext>['gateway']>;
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type RequestContext = Parameters<Executor>[0];

/** Compiled operations kept per document text (the hot mutations are a handful of documents). */
const MAX_COMPILED = 100;

let compiledRuns = 0;
let precheckedRuns = 0;
/** How many operations ran compiled in this process (tests check the fast path is really taken). */
export const compiledRunCount = (): number => compiledRuns;
/** How many of them ran with a list argument prechecked instead of coerced (jit-precheck.ts). */
export const precheckedRunCount = (): number => precheckedRuns;

export interface JitGateway extends Gateway {
  /** Takes the schema Nest built (the driver's transformSchema hook); must run before Apollo starts. */
  useSchema(schema: GraphQLSchema): GraphQLSchema;
}

/**
 * `sorted`: Nest sorts the schema after its transformSchema hook (sortSchema);
 * this gateway must serve the same order, or graphql-js would report the
 * refusals of one input object in another order.
 */
export function jitGateway(opts: {
  fields: readonly string[];
  queries?: readonly string[];
  sorted: boolean;
  /** List arguments of hot fields judged by their own check instead of GraphQL's coercion (jit-precheck.ts). */
  prechecks?: readonly Precheck[];
  /** Custom scalars' texts that their parseValue takes unchanged (plain-input.ts); a prechecked list holding another custom scalar is coerced. */
  plainScalars?: Readonly<Record<string, PlainInputCheck>>;
}): JitGateway {
  const roots = { mutation: new Set(opts.fields), query: new Set(opts.queries ?? []) };
  let schema: GraphQLSchema | null = null;
  let listener: ((s: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | null = null;
  const compiled = new Map<string, { standard: CompiledQuery | null; prechecked: CompiledQuery | null }>();
  const precheck = opts.prechecks?.length ? prechecking(opts.prechecks, opts.plainScalars ?? {}) : null;

  const standard = (rc: RequestContext): Promise<ExecutionResult> =>
    Promise.resolve(
      execute({
        schema: rc.schema,
        document: rc.document,
        contextValue: rc.context,
        variableValues: rc.request.variables,
        operationName: rc.operationName ?? undefined,
      }),
    );

  const compile = (s: GraphQLSchema, d: DocumentNode, name: string | undefined): CompiledQuery | null => {
    const q = compileQuery(s, d, name);
    return isCompiledQuery(q) ? q : null;
  };
  const compiledFor = (rc: RequestContext): { standard: CompiledQuery | null; prechecked: CompiledQuery | null } => {
    const key = `${rc.queryHash}\u0000${rc.operationName ?? ''}`;
    let c = compiled.get(key);
    if (c === undefined) {
      const name = rc.operationName ?? undefined;
      const variant = precheck?.variantOf(rc.schema, rc.document as DocumentNode, rc.operation as OperationDefinitionNode);
      c = { standard: compile(rc.schema, rc.document as DocumentNode, name), prechecked: variant ? compile(variant.schema, variant.document, name) : null };
      if (compiled.size >= MAX_COMPILED) compiled.clear();
      compiled.set(key, c);
    }
    return c;
  };
  const answer = (r: ExecutionResult): ExecutionResult => (r.errors?.length ? { ...r, errors: r.errors.map(asGraphQLJsError) } : r);
  // Refused variables (nothing has run): the next path judges them.
  const refused = (r: ExecutionResult): boolean => !!r.errors?.length && r.data === undefined;

  const executor: Executor = async (rc) => {
    if (isHot(rc.operation, roots)) {
      const c = compiledFor(rc);
      const variables = rc.request.variables ?? {};
      if (c.prechecked) {
        const r = (await c.prechecked.query(undefined, rc.context, variables)) as ExecutionResult;
        if (!refused(r)) {
          compiledRuns++;
          precheckedRuns++;
          return answer(r);
        }
      }
      if (c.standard) {
        compiledRuns++;
        const r = (await c.standard.query(undefined, rc.context, variables)) as ExecutionResult;
        // Refused variables: graphql-js says why, in its own words.
        if (!refused(r)) return answer(r);
      }
    }
    return standard(rc);
  };

  return {
    useSchema(s) {
      schema = opts.sorted ? lexicographicSortSchema(s) : s;
      return s;
    },
    onSchemaLoadOrUpdate(cb) {
      listener = cb;
      return () => (listener = null);
    },
    load() {
      if (!schema) throw new Error('jitGateway: no schema (useSchema must run before Apollo starts)');
      listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return Promise.resolve({ executor });
    },
    stop: () => Promise.resolve(),
  };
}

/**
 * graphql-jit's errors leave `extensions` undefined when what a resolver threw
 * has none (a database error, a bug); Apollo Server reads
 * `error.extensions.code` and would answer with its own TypeError instead.
 * graphql-js's error of the same message, path, locations and cause.
 */
function asGraphQLJsError(e: GraphQLError): GraphQLError {
  if (e.extensions) return e;
  const out = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined });
  if (e.locations) Object.defineProperty(out, 'locations', { value: e.locations, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A mutation or query whose every root field is a hot one of its kind (no fragments at the root). */
function isHot(op: OperationDefinitionNode | undefined, roots: { mutation: ReadonlySet<string>; query: ReadonlySet<string> }): boolean {
  if (!op || (op.operation !== 'mutation' && op.operation !== 'query')) return false;
  const fields = roots[op.operation];
  return op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && fields.has(s.name.value) && !s.directives?.length);
}
