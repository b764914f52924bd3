import { Module } from '@nestjs/common';
import { ForwarderModule } from '../forwarder/forwarder.module';
import { TouchpointsResolver } from './touchpoints.resolver';
import { TouchpointsService } from './touchpoints.service';

@Module({ imports: [ForwarderModule], providers: [TouchpointsService, TouchpointsResolver] })
export class TouchpointsModule {}
