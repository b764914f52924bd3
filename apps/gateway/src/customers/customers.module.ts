import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { CustomersResolver } from './customers.resolver';
import { CustomersService } from './customers.service';

@Module({ imports: [CommitmentsModule, FollowUpsModule], providers: [CustomersService, CustomersResolver] })
export class CustomersModule {}
