import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AuditEntryRow } from '@qihe/data';
import { AuditActionEnum, AuditActorKindEnum, RoleEnum } from '@qihe/server';
import { PageInfoModel } from '../../touchpoints/models/touchpoint-connection.model';

@ObjectType('AuditEntry', { description: 'one line of the append-only audit trail: who did what, when, from where' })
export class AuditEntryModel {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => AuditActorKindEnum) actorKind!: string;
  @Field(() => String, { description: 'a username or a site id (for ANONYMOUS: the name that was claimed)' }) actor!: string;
  @Field(() => RoleEnum, { nullable: true, description: "the user's role at the time; null for sites and anonymous callers" }) role!: string | null;
  @Field(() => AuditActionEnum) action!: string;
  @Field(() => String, { nullable: true, description: 'what was acted on: a unit id, a username, a site id…' }) target!: string | null;
  @Field(() => String, { description: 'a JSON object with what changed; never a password, key or token' }) details!: string;
  @Field(() => String, { nullable: true }) clientAddress!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdgeModel {
  @Field(() => String) cursor!: string;
  @Field(() => AuditEntryModel) node!: AuditEntryModel;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnectionModel {
  @Field(() => [AuditEntryEdgeModel]) edges!: AuditEntryEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
}

export const toAuditEntryModel = (r: AuditEntryRow): AuditEntryModel => ({
  id: r.id,
  at: r.at,
  actorKind: r.actorKind,
  actor: r.actor,
  role: r.actorRole,
  action: r.action,
  target: r.target,
  details: JSON.stringify(r.details),
  clientAddress: r.clientAddress,
  userAgent: r.userAgent,
  requestId: r.requestId,
});
