import DataLoader from 'dataloader';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { actorOf, ADMINISTRATORS, ANY_CALLER, SCORE_READERS, TOUCHPOINT_READERS, type Caller, type CommitmentState, type RequestOrigin } from '@qihe/domain';
import { Callers, CurrentCaller } from '@qihe/server';
import { AuditService } from '../audit/audit.service';
import { CurrentOrigin } from '../audit/request-origin';
import { IngestResultModel } from '../ingestion/models/ingest-result.model';
import { TouchpointModel } from '../touchpoints/models/touchpoint.model';
import { CatalogueService } from './catalogue.service';
import { CommitmentEventsService } from './commitment-events.service';
import { CommitmentsService } from './commitments.service';
import {
  CommitmentConnectionModel,
  CommitmentDefinitionInput,
  CommitmentDefinitionModel,
  CommitmentEventInput,
  CommitmentModel,
  CommitmentPerformanceModel,
  CommitmentStateEnum,
} from './models/commitment.model';

@Resolver()
export class CommitmentsResolver {
  constructor(
    private readonly service: CommitmentsService,
    private readonly catalogues: CatalogueService,
    private readonly events: CommitmentEventsService,
    private readonly audit: AuditService,
  ) {}

  @Query(() => [CommitmentDefinitionModel])
  @Callers(...ANY_CALLER)
  commitmentCatalogue(): CommitmentDefinitionModel[] {
    return this.service.catalogue();
  }

  @Callers(...TOUCHPOINT_READERS)
  @Query(() => CommitmentConnectionModel, { description: 'started in [from, to), newest first; owned: false = touchpoints in the subtree, true = nodes owned by it' })
  commitments(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('states', { type: () => [CommitmentStateEnum], nullable: true }) states: CommitmentState[] | null,
    @Args('owned', { type: () => Boolean, nullable: true, defaultValue: false }) owned: boolean,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('level', { type: () => Int, nullable: true, description: 'only nodes of this level (1 = the promises)' }) level: number | null,
  ): Promise<CommitmentConnectionModel> {
    return this.service.page(caller, { unitId, from, to, states, owned: owned ?? false, first, after, level });
  }

  @Query(() => [CommitmentPerformanceModel])
  @Callers(...SCORE_READERS)
  commitmentPerformance(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('owned', { type: () => Boolean, nullable: true, defaultValue: false }) owned: boolean,
  ): Promise<CommitmentPerformanceModel[]> {
    return this.service.performance(caller, unitId, from, to, owned ?? false);
  }

  @Mutation(() => CommitmentDefinitionModel, { description: 'ADMIN' })
  @Callers(...ADMINISTRATORS)
  async upsertCommitment(
    @CurrentCaller() caller: Caller,
    @CurrentOrigin() origin: RequestOrigin,
    @Args('input', { type: () => CommitmentDefinitionInput }) input: CommitmentDefinitionInput,
  ): Promise<CommitmentDefinitionModel> {
    const admin = caller;
    const def = await this.catalogues.upsert(input, (tx, before, after) =>
      this.audit.record({ actor: actorOf(admin), action: 'COMMITMENT_UPSERTED', target: after.code, details: { before, after }, origin }, tx).then(() => undefined),
    );
    return this.service.definitionModel(def);
  }

  @Callers(...ANY_CALLER)
  @Mutation(() => IngestResultModel, { description: "1 .. 1000; site keys and AGENTs of the touchpoint's unit, and owners' users" })
  recordCommitmentEvents(
    @CurrentCaller() caller: Caller,
    @Args('input', { type: () => [CommitmentEventInput] }) input: CommitmentEventInput[],
  ): Promise<IngestResultModel> {
    return this.events.record(caller, input);
  }
}

// One loader per request (its GraphQL context): a page of touchpoints reads all their trees in one query.
const treeLoaders = new WeakMap<object, DataLoader<string, CommitmentModel[]>>();

@Resolver(() => TouchpointModel)
@Callers(...TOUCHPOINT_READERS)
export class TouchpointCommitmentsResolver {
  constructor(private readonly commitments: CommitmentsService) {}

  @ResolveField('commitments', () => [CommitmentModel], { description: 'the tracked commitment this touchpoint started, with its steps' })
  touchpointCommitments(@Parent() tp: TouchpointModel, @Context() request: object): Promise<CommitmentModel[]> {
    let loader = treeLoaders.get(request);
    if (!loader) treeLoaders.set(request, (loader = new DataLoader((ids: readonly string[]) => this.commitments.ofTouchpoints(ids))));
    return loader.load(tp.id);
  }
}
