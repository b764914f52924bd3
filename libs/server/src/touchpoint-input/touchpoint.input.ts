import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import {
  CHANNELS,
  EARLIEST_DATE_ISO,
  EARLIEST_DATE_MS,
  LIFECYCLE_STAGES,
  NEED_CATEGORIES,
  TOUCHPOINT_KINDS,
  type Channel,
  type LifecycleStage,
  type NeedCategory,
  type TouchpointKind,
} from '@qihe/domain';
import { ChannelEnum, LifecycleStageEnum, NeedCategoryEnum, TouchpointKindEnum } from '../graphql/enums';

// The contract's TouchpointInput with the rules each item is checked against on
// its own. Shared by the gateway and the sites: one set of rules, one set of messages.

export const MAX_FUTURE_MS = 5 * 60 * 1000;

/**
 * A date a touchpoint can carry: from EARLIEST_DATE (earlier ones are typos or
 * attacks, and year 0 cannot even be stored, which would sink the whole batch)
 * to at most 5 minutes ahead of this clock (the sender's may run a little fast).
 */
function PlausibleDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'plausibleDate',
      validator: {
        validate: (v: unknown) => v instanceof Date && v.getTime() >= EARLIEST_DATE_MS && v.getTime() <= Date.now() + MAX_FUTURE_MS,
        defaultMessage: (args) =>
          args && args.value instanceof Date && args.value.getTime() < EARLIEST_DATE_MS
            ? `$property must not be before ${EARLIEST_DATE_ISO}`
            : '$property must not be more than 5 minutes in the future',
      },
    },
    options,
  );
}

@InputType()
export class NeedInput {
  @Field(() => NeedCategoryEnum)
  @IsIn(NEED_CATEGORIES)
  category!: NeedCategory;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;
}

@InputType()
export class CommitmentInput {
  @Field(() => String)
  @IsString()
  @Length(1, 100)
  code!: string;

  @Field(() => Boolean)
  @IsBoolean()
  met!: boolean;
}

@InputType()
export class ServiceInput {
  @Field(() => String)
  @IsString()
  @Length(1, 500)
  action!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(86400)
  handleSeconds!: number;

  @Field(() => Boolean)
  @IsBoolean()
  resolved!: boolean;

  @Field(() => Boolean)
  @IsBoolean()
  firstContact!: boolean;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  knowledgeRefs?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  knowledgeCreated?: boolean | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  handoffUnitId?: string | null;

  @Field(() => CommitmentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommitmentInput)
  commitment?: CommitmentInput | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  @PlausibleDate()
  servedAt?: Date | null;
}

@InputType()
export class SatisfactionInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

const OPTIONAL_TEXT = [IsOptional(), IsString(), MaxLength(200)];
const optionalText = (): PropertyDecorator => (target, key) => OPTIONAL_TEXT.forEach((d) => d(target, key));

@InputType()
export class TouchpointInput {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;

  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  unitId!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200)
  customerId!: string;

  @Field(() => String, { nullable: true }) @optionalText() industry?: string | null;
  @Field(() => String, { nullable: true }) @optionalText() region?: string | null;
  @Field(() => String, { nullable: true }) @optionalText() contractId?: string | null;
  @Field(() => String, { nullable: true }) @optionalText() productId?: string | null;
  @Field(() => String, { nullable: true }) @optionalText() teamId?: string | null;
  @Field(() => String, { nullable: true }) @optionalText() agentId?: string | null;
  @Field(() => String, { nullable: true, description: 'a code of the perception-point catalogue; unknown codes are INVALID' })
  @optionalText()
  perceptionPoint?: string | null;

  @Field(() => ChannelEnum)
  @IsIn(CHANNELS)
  channel!: Channel;

  @Field(() => TouchpointKindEnum)
  @IsIn(TOUCHPOINT_KINDS)
  kind!: TouchpointKind;

  @Field(() => LifecycleStageEnum)
  @IsIn(LIFECYCLE_STAGES)
  stage!: LifecycleStage;

  @Field(() => Date)
  @IsDate()
  @PlausibleDate()
  occurredAt!: Date;

  @Field(() => NeedInput)
  @ValidateNested()
  @Type(() => NeedInput)
  need!: NeedInput;

  @Field(() => ServiceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ServiceInput)
  service?: ServiceInput | null;

  @Field(() => SatisfactionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SatisfactionInput)
  satisfaction?: SatisfactionInput | null;
}
