import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Caller } from '@qihe/domain';
import { SatisfactionInput, TouchpointInput } from '@qihe/server';
import { requireCaller } from '../auth/auth.service';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { OrgService } from '../core/org.service';
import { toTouchpointModel, TouchpointModel } from '../touchpoints/models/touchpoint.model';
import { IngestionService } from './ingestion.service';
import { IngestResultModel, RatingResultModel } from './models/ingest-result.model';
import { SatisfactionRatingInput } from './models/satisfaction-rating.input';

@Resolver()
export class IngestionResolver {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly org: OrgService,
  ) {}

  @Mutation(() => IngestResultModel, { description: '1 .. 1000 items' })
  recordTouchpoints(
    @CurrentCaller() caller: Caller | null,
    @Args('input', { type: () => [TouchpointInput] }) input: TouchpointInput[],
  ): Promise<IngestResultModel> {
    return this.ingestion.record(requireCaller(caller), input);
  }

  @Mutation(() => TouchpointModel)
  async recordSatisfaction(
    @CurrentCaller() caller: Caller | null,
    @Args('touchpointId', { type: () => ID }) touchpointId: string,
    @Args('satisfaction', { type: () => SatisfactionInput }) satisfaction: SatisfactionInput,
  ): Promise<TouchpointModel> {
    const row = await this.ingestion.rate(requireCaller(caller), touchpointId, satisfaction);
    return toTouchpointModel(row, this.org.require(row.unitId));
  }

  @Mutation(() => RatingResultModel, { description: '1 .. 1000 late ratings, each judged on its own like recordSatisfaction' })
  recordSatisfactions(
    @CurrentCaller() caller: Caller | null,
    @Args('input', { type: () => [SatisfactionRatingInput] }) input: SatisfactionRatingInput[],
  ): Promise<RatingResultModel> {
    return this.ingestion.rateMany(requireCaller(caller), input);
  }
}
