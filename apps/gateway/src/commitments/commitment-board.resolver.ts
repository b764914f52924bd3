import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { TOUCHPOINT_READERS, type Caller } from '@qihe/domain';
import { Callers, CurrentCaller } from '@qihe/server';
import { CommitmentAlertsService } from './commitment-alerts.service';
import { CommitmentsService } from './commitments.service';
import { CommitmentAlertModel, CommitmentModel } from './models/commitment.model';

// What a unit head's commitments board needs beyond the contract: a trace's
// own link (one node by id) and the alert list that survives a reload.
@Resolver()
@Callers(...TOUCHPOINT_READERS)
export class CommitmentBoardResolver {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly alerts: CommitmentAlertsService,
  ) {}

  @Query(() => CommitmentModel, {
    nullable: true,
    description: "one node (null: none such); for readers of its touchpoint's unit and users of a unit owning a node of its tree",
  })
  commitment(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<CommitmentModel | null> {
    return this.commitments.byId(caller, id);
  }

  @Query(() => [CommitmentAlertModel], {
    description: 'COMMITMENT_AT_RISK / COMMITMENT_BROKEN alerts heard in the unit’s subtree (as the feed sends them) since `since` (default: 24 h ago; at most 7 days), newest first',
  })
  commitmentAlerts(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('since', { type: () => Date, nullable: true }) since: Date | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
  ): Promise<CommitmentAlertModel[]> {
    return this.alerts.recent(caller, unitId, since ?? null, first ?? 50);
  }
}
