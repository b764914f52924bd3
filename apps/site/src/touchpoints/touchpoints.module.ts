import { Module } from '@nestjs/common';
import { ForwarderModule } from '../forwarder/forwarder.module';
import { PerceptionPointsResolver } from './perception-points.resolver';
import { TouchpointsResolver } from './touchpoints.resolver';
import { TouchpointsService } from './touchpoints.service';

@Module({ imports: [ForwarderModule], providers: [TouchpointsService, TouchpointsResolver, PerceptionPointsResolver] })
export class TouchpointsModule {}
