import { Module } from '@nestjs/common';
import { TouchpointsResolver } from './touchpoints.resolver';
import { TouchpointsService } from './touchpoints.service';

@Module({ providers: [TouchpointsService, TouchpointsResolver] })
export class TouchpointsModule {}
