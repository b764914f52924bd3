import { Module } from '@nestjs/common';
import { IndicatorsResolver } from './indicators.resolver';
import { IndicatorsService } from './indicators.service';

@Module({ providers: [IndicatorsService, IndicatorsResolver] })
export class IndicatorsModule {}
