import { Module } from '@nestjs/common';
import { ForwarderModule } from '../forwarder/forwarder.module';
import { CommitmentEventsService } from './commitment-events.service';
import { CommitmentsResolver, TouchpointCommitmentResolver } from './commitments.resolver';

@Module({ imports: [ForwarderModule], providers: [CommitmentEventsService, CommitmentsResolver, TouchpointCommitmentResolver] })
export class CommitmentsModule {}
