import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ANY_USER, type UserCaller } from '@qihe/domain';
import { Callers, CurrentUser } from '@qihe/server';
import { CatalogueService } from '../core/catalogue.service';
import type { LocalTouchpointRow } from '../storage/outbox.repository';
import { LocalTouchpointModel } from '../touchpoints/models/local-touchpoint.model';
import { CommitmentEventsService } from './commitment-events.service';
import { CommitmentEventInput, LocalCommitmentEventModel, LocalCommitmentModel, SiteCommitmentDefinitionModel } from './models/local-commitment.model';

@Resolver()
@Callers(...ANY_USER)
export class CommitmentsResolver {
  constructor(
    private readonly events: CommitmentEventsService,
    private readonly catalogue: CatalogueService,
  ) {}

  @Mutation(() => LocalCommitmentEventModel, { description: 'answered once committed locally' })
  async recordCommitmentEvent(@CurrentUser() user: UserCaller, @Args('input', { type: () => CommitmentEventInput }) input: CommitmentEventInput): Promise<LocalCommitmentEventModel> {
    const [row] = await this.events.record(user, [input], false);
    return row;
  }

  @Mutation(() => [LocalCommitmentEventModel], { description: '1..1000, all or nothing' })
  recordCommitmentEvents(@CurrentUser() user: UserCaller, @Args('input', { type: () => [CommitmentEventInput] }) input: CommitmentEventInput[]): Promise<LocalCommitmentEventModel[]> {
    return this.events.record(user, input, true);
  }

  /** The site's copy of the gateway's catalogue, promises first. */
  @Query(() => [SiteCommitmentDefinitionModel])
  commitmentCatalogue(): SiteCommitmentDefinitionModel[] {
    return this.catalogue.catalogue.all().sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  }
}

@Resolver(() => LocalTouchpointModel)
@Callers(...ANY_USER)
export class TouchpointCommitmentResolver {
  constructor(private readonly events: CommitmentEventsService) {}

  @ResolveField('commitment', () => LocalCommitmentModel, { nullable: true, description: 'the tracked commitment it started, as this site knows it' })
  commitment(@Parent() tp: LocalTouchpointRow): Promise<LocalCommitmentModel | null> {
    return this.events.ofTouchpoint(tp);
  }
}
