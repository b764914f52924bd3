import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ANY_CALLER, ENGAGEMENT_TYPES, INDICATORS, SCORE_READERS, type Caller, type RequestOrigin } from '@qihe/domain';
import { ASSUMED_LIST_SIZE, Callers, CurrentCaller, DB_READ_COST, listCost } from '@qihe/server';
import { CurrentOrigin } from '../audit/request-origin';
import { IndicatorsService } from './indicators.service';
import { EngagementTypeScoreModel } from './models/engagement-type-score.model';
import { IndicatorModel, TargetInput, TargetModel } from './models/indicator.model';
import { PerceptionPointModel, PerceptionPointScoreModel } from './models/perception-point.model';
import { PerceptionCatalogueService } from './perception-catalogue.service';

@Resolver()
@Callers(...SCORE_READERS)
export class IndicatorsResolver {
  constructor(
    private readonly service: IndicatorsService,
    private readonly perception: PerceptionCatalogueService,
  ) {}

  // Every caller, like commitmentCatalogue: sites copy it so their agents can pick a point offline.
  // Read afresh (a small table): a site asking because it lacks a code gets what the database holds now.
  @Query(() => [PerceptionPointModel], { description: "the perception-point catalogue, in the bootstrap file's order" })
  @Callers(...ANY_CALLER)
  async perceptionPointCatalogue(): Promise<PerceptionPointModel[]> {
    return [...(await this.perception.reload()).points];
  }

  @Query(() => [IndicatorModel], { description: 'every key of MANAGEMENT-MODEL.md §4 over [from, to), with target, status and the previous window', complexity: listCost(INDICATORS.length, DB_READ_COST) })
  indicators(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ): Promise<IndicatorModel[]> {
    return this.service.indicators(caller, unitId, from, to);
  }

  @Query(() => [EngagementTypeScoreModel], { description: 'the four engagement types (四维契合) of the subtree over [from, to)', complexity: listCost(ENGAGEMENT_TYPES.length, DB_READ_COST) })
  engagementTypes(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ): Promise<EngagementTypeScoreModel[]> {
    return this.service.engagementTypes(caller, unitId, from, to);
  }

  @Query(() => [PerceptionPointScoreModel], {
    description: 'every catalogue point over its touchpoints in the subtree and window, by impact (largest first); short boards marked',
    complexity: listCost(ASSUMED_LIST_SIZE.slices, DB_READ_COST),
  })
  perceptionPoints(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ): Promise<PerceptionPointScoreModel[]> {
    return this.service.perceptionPoints(caller, unitId, from, to);
  }

  @Query(() => [TargetModel], { description: 'in force for the unit, set here or inherited (or the model default)', complexity: listCost(40, DB_READ_COST) })
  targets(@CurrentCaller() caller: Caller, @Args('unitId', { type: () => ID }) unitId: string): Promise<TargetModel[]> {
    return this.service.targets(caller, unitId);
  }

  @Mutation(() => TargetModel, { description: "UNIT_HEAD of the unit's subtree, EXECUTIVE, ADMIN; audited (TARGET_CHANGED)" })
  setTarget(
    @CurrentCaller() caller: Caller,
    @CurrentOrigin() origin: RequestOrigin,
    @Args('input', { type: () => TargetInput }) input: TargetInput,
  ): Promise<TargetModel> {
    return this.service.setTarget(caller, origin, input);
  }
}
