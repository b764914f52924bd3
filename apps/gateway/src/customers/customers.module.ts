import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { CustomersResolver } from './customers.resolver';
import { CustomersService } from './customers.service';
import { RiskReadsService } from './risk-reads.service';
import { RiskService } from './risk.service';

@Module({ imports: [CommitmentsModule, FollowUpsModule], providers: [CustomersService, CustomersResolver, RiskReadsService, RiskService], exports: [RiskService] })
export class CustomersModule {}
