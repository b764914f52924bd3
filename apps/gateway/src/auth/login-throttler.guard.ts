import { Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request } from 'express';
import { tooManyRequests } from '@qihe/server';

/**
 * Limits login attempts per client address and username, so passwords cannot
 * be guessed at speed. A refusal is TOO_MANY_REQUESTS with HTTP 429 and
 * Retry-After: a rate limit, not a fault in what the caller sent.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext): { req: Record<string, unknown>; res: Record<string, unknown> } {
    const ctx = GqlExecutionContext.create(context);
    const { req } = ctx.getContext<{ req: Request }>();
    const username = String(ctx.getArgs<{ username?: unknown }>().username ?? '');
    // The tracker below reads these two fields; headers travel with the error (QiheErrorFilter), not through res.
    return { req: { ip: req.ip, username } as Record<string, unknown>, res: { header: () => undefined } };
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return `${String(req.ip)}|${String(req.username)}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, limit: ThrottlerLimitDetail): Promise<void> {
    const wait = Math.max(1, Math.ceil(limit.timeToBlockExpire));
    throw tooManyRequests(`too many login attempts for this username; try again in ${wait} s`, wait);
  }
}
