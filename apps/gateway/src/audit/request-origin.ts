import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { auditText, NO_ORIGIN, type RequestOrigin } from '@qihe/domain';
import type { Request } from 'express';

/**
 * Where a request came from, for the audit trail: the client address as
 * Express sees it (behind a proxy, as its 'trust proxy' setting allows), the
 * user agent and the request id (the one the request logger gave the request,
 * else the caller's X-Request-Id). Caller-chosen text is bounded and cleaned.
 */
export function requestOrigin(req: Request | undefined): RequestOrigin {
  if (!req) return NO_ORIGIN;
  const logged = (req as Request & { id?: unknown }).id;
  const header = req.headers['x-request-id'];
  const requestId = typeof logged === 'string' || typeof logged === 'number' ? String(logged) : typeof header === 'string' ? header : null;
  return {
    clientAddress: req.ip ?? req.socket?.remoteAddress ?? null,
    userAgent: auditText(req.headers['user-agent'] ?? null),
    requestId: auditText(requestId, 200),
  };
}

/** The origin of the current GraphQL request. */
export const CurrentOrigin = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestOrigin => {
  return requestOrigin(GqlExecutionContext.create(ctx).getContext<{ req?: Request }>().req);
});
