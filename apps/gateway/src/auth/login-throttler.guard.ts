import { Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { QiheError } from '@qihe/server';

/**
 * Limits login attempts per client address and username, so passwords cannot
 * be guessed at speed. A refusal is a GraphQL error the caller can read.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext): { req: Record<string, unknown>; res: Record<string, unknown> } {
    const ctx = GqlExecutionContext.create(context);
    const { req } = ctx.getContext<{ req: Request }>();
    const username = String(ctx.getArgs<{ username?: unknown }>().username ?? '');
    // The tracker below reads these two fields; res only needs a header setter.
    return { req: { ip: req.ip, username } as Record<string, unknown>, res: { header: () => undefined } };
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return `${String(req.ip)}|${String(req.username)}`;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await super.canActivate(context);
    } catch (err) {
      if (err instanceof ThrottlerException) throw new QiheError('BAD_USER_INPUT', 'too many login attempts for this username; wait a minute and try again', 'username');
      throw err;
    }
  }
}
