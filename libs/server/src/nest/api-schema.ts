import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory, type BuildSchemaOptions } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeScalar } from '../graphql/date-time.scalar';

/** How both APIs build their code-first schema (the contract's DateTime for every Date). */
export const apiSchemaOptions = (): BuildSchemaOptions => ({ scalarsMap: [{ type: Date, scalar: DateTimeScalar }] });

type ModuleRef = Type | DynamicModule | Promise<DynamicModule>;

const HEADER = (what: string) =>
  `# ${what}, printed from the code-first schema by \`npm run codegen\`.\n` +
  '# Do not edit: change the resolvers and models, then regenerate (a test fails while this file and the code differ).\n\n';

/** The committed form of a schema: types sorted by name, printed by graphql-js, under a header naming its origin. */
export function printApiSchema(schema: GraphQLSchema, what: string): string {
  return HEADER(what) + printSchema(lexicographicSortSchema(schema)) + '\n';
}

function isDynamic(m: unknown): m is DynamicModule {
  return typeof m === 'object' && m !== null && 'module' in m;
}

// Every class a module graph declares as a provider, read from @Module metadata
// without instantiating anything (no database, no config read): the resolvers
// are among them, and the schema factory keeps only those.
function providedClasses(root: ModuleRef): Type[] {
  const seen = new Set<unknown>();
  const classes = new Set<Type>();
  const addProvider = (p: Provider): void => {
    if (typeof p === 'function') classes.add(p);
    else if (typeof p === 'object' && p !== null && 'useClass' in p) classes.add(p.useClass);
  };
  const visit = (m: unknown): void => {
    if (!m || seen.has(m) || m instanceof Promise) return;
    seen.add(m);
    const cls = isDynamic(m) ? m.module : (m as Type);
    const metaImports = (Reflect.getMetadata('imports', cls) as unknown[] | undefined) ?? [];
    const metaProviders = (Reflect.getMetadata('providers', cls) as Provider[] | undefined) ?? [];
    const extra = isDynamic(m) ? { imports: m.imports ?? [], providers: m.providers ?? [] } : { imports: [], providers: [] };
    for (const p of [...metaProviders, ...extra.providers]) addProvider(p);
    for (const i of [...metaImports, ...extra.imports]) visit(i);
  };
  visit(root);
  return [...classes];
}

/** The schema an app module serves, built from its resolvers alone (what GraphQLModule does at boot). */
export async function buildApiSchema(root: Type | DynamicModule): Promise<GraphQLSchema> {
  const ctx = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return await ctx.get(GraphQLSchemaFactory).create(providedClasses(root), apiSchemaOptions());
  } finally {
    await ctx.close();
  }
}
