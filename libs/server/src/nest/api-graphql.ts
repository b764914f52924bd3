import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request } from 'express';
import { DEFAULT_GRAPHQL_LIMITS, type GraphQLLimits } from '../config/graphql-limits-config';
import { formatGraphQLError } from '../errors/qihe-error';
import { isDateTimeText } from '../graphql/date-time.scalar';
import { apiSchemaOptions } from './api-schema';
import { complexityLimit, safeDepthLimit } from './graphql-limits';
import { jitGateway } from './jit-executor';
import type { Precheck } from './jit-precheck';

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearer(authorization: string | undefined): string | null {
  const m = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return m ? m[1] : null;
}

// Apollo's default cache-control plugin has a willResolveField hook, so Apollo wraps every resolver of the
// schema and calls hooks per field (a profile of 1,000 units: ~10 % of its CPU) only to answer `no-store`,
// as Qihe sets no cache hints. Off, and the one header it gave every answer set here.
const noStore: ApolloServerPlugin = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      response.http.headers.set('cache-control', 'no-store');
    },
  }),
};

/**
 * Apollo settings shared by the gateway's and the sites' APIs: code-first
 * schema with the contract's DateTime, request limits, errors mapped to
 * contract codes, introspection, stack traces and field suggestions off in production.
 *
 * The limits, cheapest first and all before anything runs (none needs a token):
 * the parser stops past `maxTokens` (a body of 300,000 operations costs a few
 * thousand tokens of work, not seconds); aliases, directives and depth are
 * validation rules (graphql-armor, graphql-depth-limit); the cost, which
 * depends on arguments and variables, is checked once the operation is known.
 */
export function apiGraphQLOptions<C>(opts: {
  production: boolean;
  context: (token: string | null, req: Request) => C | Promise<C>;
  /** Defaults: DEFAULT_GRAPHQL_LIMITS. */
  limits?: GraphQLLimits;
  plugins?: ApolloServerPlugin[];
  /** Root mutation fields (`fields`) and query fields (`queries`) run by a compiled executor (jit-executor.ts); off when `enabled` is false. */
  jit?: { fields: readonly string[]; queries?: readonly string[]; enabled: boolean; prechecks?: readonly Precheck[] };
}): ApolloDriverConfig {
  const limits = opts.limits ?? DEFAULT_GRAPHQL_LIMITS;
  const armor = new ApolloArmor({
    maxTokens: { enabled: false }, // the parser's own maxTokens below: one parse, not two
    costLimit: { enabled: false }, // ours multiplies by list sizes (graphql-limits.ts)
    maxDepth: { enabled: false }, // graphql-depth-limit, as before
    maxAliases: { n: limits.maxAliases, allowList: [] },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: false }, // formatGraphQLError drops every kind of suggestion in production
  }).protect();
  const options: ApolloDriverConfig = {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: apiSchemaOptions(),
    playground: false,
    introspection: !opts.production,
    includeStacktraceInErrorResponses: !opts.production,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [...armor.validationRules, safeDepthLimit(limits.maxDepth)],
    plugins: [ApolloServerPluginCacheControlDisabled(), noStore, ...armor.plugins, complexityLimit(limits.maxCost), ...(opts.plugins ?? [])],
    context: ({ req }: { req: Request }) => opts.context(bearer(req.headers.authorization), req),
    formatError: (formatted, error) => formatGraphQLError(formatted, error, opts.production) as never,
    // Nest would answer 200 even when an error names its own status (extensions.http);
    // only QiheErrorFilter's rate-limit refusal does (429 with Retry-After).
    preserveHttpStatusForExecutionErrors: false,
  };
  if (opts.jit?.enabled) {
    const gateway = jitGateway({
      fields: opts.jit.fields,
      queries: opts.jit.queries,
      sorted: options.sortSchema === true,
      prechecks: opts.jit.prechecks,
      plainScalars: { DateTime: isDateTimeText },
    });
    options.transformSchema = (schema) => gateway.useSchema(schema);
    // Nest's config type leaves `gateway` out; its driver hands every option to Apollo Server as is.
    Object.assign(options, { gateway });
  }
  return options;
}
