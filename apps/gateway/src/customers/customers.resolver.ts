import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CUSTOMER_READERS, RISK_READERS, type Caller } from '@qihe/domain';
import { Callers, CurrentCaller, pageCost } from '@qihe/server';
import { TouchpointConnectionModel } from '../touchpoints/models/touchpoint-connection.model';
import { CustomersService, MAX_TIMELINE_PAGE } from './customers.service';
import { CustomerProfileModel, CustomerRiskModel, RiskModelQualityModel } from './models/customer.model';
import { MAX_AT_RISK, RiskReadsService } from './risk-reads.service';

// Scope (the units that served the customer) is applied by the service; site keys read for their agents.
const WITHIN = "narrows the caller's scope to this unit's subtree (a site asks for its agent's unit); outside the scope: FORBIDDEN";
@Resolver()
@Callers(...CUSTOMER_READERS)
export class CustomersResolver {
  constructor(
    private readonly service: CustomersService,
    private readonly risk: RiskReadsService,
  ) {}

  @Query(() => CustomerProfileModel, { nullable: true, description: 'null when no touchpoint of the customer is in scope' })
  customer(
    @CurrentCaller() caller: Caller,
    @Args('customerId', { type: () => String }) customerId: string,
    @Args('unitId', { type: () => ID, nullable: true, description: WITHIN }) unitId: string | null,
  ): Promise<CustomerProfileModel | null> {
    return this.service.profile(caller, customerId, unitId ?? null);
  }

  @Query(() => TouchpointConnectionModel, { description: "the customer's touchpoints in scope, newest first", complexity: pageCost(MAX_TIMELINE_PAGE) })
  customerTimeline(
    @CurrentCaller() caller: Caller,
    @Args('customerId', { type: () => String }) customerId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('unitId', { type: () => ID, nullable: true, description: WITHIN }) unitId: string | null,
  ): Promise<TouchpointConnectionModel> {
    return this.service.timeline(caller, customerId, first, after ?? null, unitId ?? null);
  }

  @Query(() => [CustomerRiskModel], { description: 'highest probability first', complexity: pageCost(MAX_AT_RISK) })
  @Callers(...RISK_READERS)
  atRiskCustomers(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
  ): Promise<CustomerRiskModel[]> {
    return this.risk.atRisk(caller, unitId, first);
  }

  @Query(() => RiskModelQualityModel, { nullable: true, description: 'null before the first fit' })
  @Callers(...RISK_READERS)
  riskModel(): Promise<RiskModelQualityModel | null> {
    return this.risk.quality();
  }
}
