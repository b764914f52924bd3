import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { ANY_CALLER, RECORDERS, type Caller } from '@qihe/domain';
import { Callers, CurrentCaller, SatisfactionInput, TouchpointInput } from '@qihe/server';
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
  @Callers(...RECORDERS)
  recordTouchpoints(
    @CurrentCaller() caller: Caller,
    @Args('input', { type: () => [TouchpointInput] }) input: TouchpointInput[],
    @Args('sentAt', {
      type: () => Date,
      nullable: true,
      description: "The sender's clock when it sent this batch: when it differs from the gateway's by more than a tolerance, the batch's times are corrected by the difference",
    })
    sentAt?: Date | null,
  ): Promise<IngestResultModel> {
    return this.ingestion.record(caller, input, sentAt);
  }

  @Mutation(() => TouchpointModel)
  @Callers(...ANY_CALLER)
  async recordSatisfaction(
    @CurrentCaller() caller: Caller,
    @Args('touchpointId', { type: () => ID }) touchpointId: string,
    @Args('satisfaction', { type: () => SatisfactionInput }) satisfaction: SatisfactionInput,
  ): Promise<TouchpointModel> {
    const row = await this.ingestion.rate(caller, touchpointId, satisfaction);
    return toTouchpointModel(row, this.org.require(row.unitId));
  }

  @Mutation(() => RatingResultModel, { description: '1 .. 1000 late ratings, each judged on its own like recordSatisfaction' })
  @Callers(...ANY_CALLER)
  recordSatisfactions(
    @CurrentCaller() caller: Caller,
    @Args('input', { type: () => [SatisfactionRatingInput] }) input: SatisfactionRatingInput[],
  ): Promise<RatingResultModel> {
    return this.ingestion.rateMany(caller, input);
  }
}
