import { Field, ID, InputType, OmitType } from '@nestjs/graphql';
import { TouchpointInput } from '@qihe/server';

/**
 * The gateway's TouchpointInput with id, unitId and occurredAt optional (the
 * site fills them in) and no agentId (the signed-in agent is the agent).
 */
@InputType('SiteTouchpointInput')
export class SiteTouchpointInput extends OmitType(TouchpointInput, ['id', 'unitId', 'occurredAt', 'agentId'] as const, InputType) {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
  @Field(() => Date, { nullable: true }) occurredAt?: Date | null;
}
