import { Module } from '@nestjs/common';
import { CommitmentAlertsService } from './commitment-alerts.service';
import { CommitmentBoardResolver } from './commitment-board.resolver';
import { CommitmentEventsService } from './commitment-events.service';
import { CommitmentMonitor } from './commitment-monitor.service';
import { CommitmentsResolver, TouchpointCommitmentsResolver } from './commitments.resolver';
import { CommitmentsService } from './commitments.service';

@Module({
  providers: [CommitmentsService, CommitmentEventsService, CommitmentMonitor, CommitmentsResolver, TouchpointCommitmentsResolver, CommitmentAlertsService, CommitmentBoardResolver],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
