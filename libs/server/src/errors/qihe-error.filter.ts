import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { QiheError } from './qihe-error';

/**
 * Turns the API's own errors into GraphQL errors with their contract code.
 * They are the caller's mistakes, not the server's: nothing is logged as an error.
 */
@Catch(QiheError)
export class QiheErrorFilter implements GqlExceptionFilter {
  catch(err: QiheError, _host: ArgumentsHost): GraphQLError {
    return new GraphQLError(err.message, { extensions: { code: err.code, ...(err.field ? { field: err.field } : {}) } });
  }
}
