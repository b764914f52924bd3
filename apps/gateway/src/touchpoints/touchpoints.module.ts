import { Module } from '@nestjs/common';
import { TouchpointsResolver } from './touchpoints.resolver';
import { TouchpointsService } from './touchpoints.service';

@Module({ providers: [TouchpointsService, TouchpointsResolver], exports: [TouchpointsService] })
export class TouchpointsModule {}
