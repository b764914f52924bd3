import { Module } from '@nestjs/common';
import { CommitmentEventsForwarder } from './commitment-events.forwarder';
import { FollowUpClosesForwarder } from './follow-up-closes.forwarder';
import { ForwarderService } from './forwarder.service';

@Module({ providers: [ForwarderService, CommitmentEventsForwarder, FollowUpClosesForwarder], exports: [ForwarderService] })
export class ForwarderModule {}
