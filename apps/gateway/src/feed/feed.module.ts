import { Module } from '@nestjs/common';
import { FeedPublisher } from './feed-publisher.service';
import { FeedSessions } from './feed-sessions.service';
import { FeedGateway } from './feed.gateway';
import { RollingScores } from './rolling-scores.service';

@Module({ providers: [FeedGateway, FeedSessions, FeedPublisher, RollingScores] })
export class FeedModule {}
