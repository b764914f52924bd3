import { Module } from '@nestjs/common';
import { CustomersResolver } from './customers.resolver';
import { CustomerLookupService } from './customers.service';

@Module({ providers: [CustomerLookupService, CustomersResolver] })
export class CustomersModule {}
