import { Args, Query, Resolver } from '@nestjs/graphql';
import { ANY_USER, type UserCaller } from '@qihe/domain';
import { Callers, CurrentUser } from '@qihe/server';
import { CustomerLookupService } from './customers.service';
import { SiteCustomerModel } from './models/site-customer.model';

@Resolver()
@Callers(...ANY_USER)
export class CustomersResolver {
  constructor(private readonly service: CustomerLookupService) {}

  /** The customer's history in the caller's unit (and below), from the gateway or, while it is away, the last copy. */
  @Query(() => SiteCustomerModel)
  customer(@CurrentUser() user: UserCaller, @Args('customerId', { type: () => String }) customerId: string): Promise<SiteCustomerModel> {
    return this.service.lookup(user, customerId);
  }
}
