import type { ApolloServerPlugin } from '@apollo/server';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request } from 'express';
import { formatGraphQLError } from '../errors/qihe-error';
import { apiSchemaOptions } from './api-schema';
import { complexityLimit, MAX_DEPTH, safeDepthLimit } from './graphql-limits';

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearer(authorization: string | undefined): string | null {
  const m = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return m ? m[1] : null;
}

/**
 * Apollo settings shared by the gateway's and the sites' APIs: code-first
 * schema with the contract's DateTime, depth and cost limits, errors mapped to
 * contract codes, introspection and stack traces off in production.
 */
export function apiGraphQLOptions<C>(opts: {
  production: boolean;
  context: (token: string | null, req: Request) => C | Promise<C>;
  maxDepth?: number;
  plugins?: ApolloServerPlugin[];
}): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: apiSchemaOptions(),
    playground: false,
    introspection: !opts.production,
    includeStacktraceInErrorResponses: !opts.production,
    validationRules: [safeDepthLimit(opts.maxDepth ?? MAX_DEPTH)],
    plugins: [complexityLimit(), ...(opts.plugins ?? [])],
    context: ({ req }: { req: Request }) => opts.context(bearer(req.headers.authorization), req),
    formatError: (formatted, error) => formatGraphQLError(formatted, error, opts.production) as never,
  };
}
