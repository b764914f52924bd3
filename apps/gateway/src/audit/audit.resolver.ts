import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ADMINISTRATORS, type AuditAction } from '@qihe/domain';
import { AuditActionEnum, Callers, pageCost } from '@qihe/server';
import { AuditService, MAX_AUDIT_PAGE } from './audit.service';
import { AuditEntryConnectionModel } from './models/audit-entry.model';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnectionModel, { description: 'ADMIN: the audit trail, newest first; every filter optional, from inclusive, to exclusive', complexity: pageCost(MAX_AUDIT_PAGE) })
  @Callers(...ADMINISTRATORS)
  auditLog(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('action', { type: () => AuditActionEnum, nullable: true }) action: AuditAction | null,
    @Args('actor', { type: () => String, nullable: true }) actor: string | null,
    @Args('from', { type: () => Date, nullable: true }) from: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to: Date | null,
  ): Promise<AuditEntryConnectionModel> {
    return this.audit.page({ action, actor, from, to }, first, after ?? null);
  }
}
