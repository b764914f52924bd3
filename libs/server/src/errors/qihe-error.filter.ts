import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { RefusalError, SeedError, WindowError } from '@qihe/domain';
import { contractErrorOf, QiheError } from './qihe-error';

/**
 * Turns the API's own errors, and the domain's (contractErrorOf), into GraphQL
 * errors with their contract code. They are the caller's mistakes, not the
 * server's: nothing is logged as an error.
 */
@Catch(QiheError, RefusalError, WindowError, SeedError)
export class QiheErrorFilter implements GqlExceptionFilter {
  catch(caught: QiheError | RefusalError | WindowError | SeedError, _host: ArgumentsHost): GraphQLError {
    const err = contractErrorOf(caught) as QiheError;
    // Apollo reads extensions.http into the HTTP answer (and strips it from the body).
    const http = err.retryAfterSeconds === undefined ? {} : { http: { status: 429, headers: new Map([['retry-after', String(err.retryAfterSeconds)]]) } };
    return new GraphQLError(err.message, { extensions: { code: err.code, ...(err.field ? { field: err.field } : {}), ...http } });
  }
}
