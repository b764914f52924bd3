import { Module } from '@nestjs/common';
import { ForwarderModule } from '../forwarder/forwarder.module';
import { FollowUpsResolver } from './follow-ups.resolver';
import { FollowUpsService } from './follow-ups.service';

@Module({ imports: [ForwarderModule], providers: [FollowUpsService, FollowUpsResolver] })
export class FollowUpsModule {}
