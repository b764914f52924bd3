import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_FILTER } from '@nestjs/core';
import { apiGraphQLOptions, callersGuard, precheckTouchpoints, graphqlErrorLog, graphqlMetrics, HealthController, HealthProbes, loggingModule, Metrics, MetricsModule, QiheErrorFilter, type CallerContext, type GatewayConfig } from '@qihe/server';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { CoreModule } from './core/core.module';
import { ExportModule } from './export/export.module';
import { CustomersModule } from './customers/customers.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { FeedModule } from './feed/feed.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { OrgModule } from './org/org.module';
import { ScoresModule } from './scores/scores.module';
import { StorageModule } from './storage/storage.module';
import { TouchpointsModule } from './touchpoints/touchpoints.module';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule('gateway', config.log),
        MetricsModule.forRoot(config.metrics),
        CoreModule.forRoot(config),
        AuditModule,
        AuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AuthService, Metrics],
          useFactory: (auth: AuthService, metrics: Metrics) =>
            apiGraphQLOptions<CallerContext>({
              production: config.production,
              limits: config.graphqlLimits,
              context: async (token) => ({ caller: token ? await auth.callerOf(token) : null, token }),
              plugins: [graphqlMetrics(metrics), graphqlErrorLog()],
              // Issue 16: the 500-item batches coerced and executed by compiled code. Issue 14: the customer lens
              // (a profile lists every unit that served the customer, 1,000 of them in the bench) completed by it too.
              // The batch's items checked once, from the JSON, instead of coerced and then checked (prechecked-touchpoints.ts).
              jit: {
                fields: ['recordTouchpoints', 'recordSatisfactions'],
                queries: ['customer', 'customerTimeline'],
                enabled: config.graphqlJit,
                prechecks: [{ field: 'recordTouchpoints', argument: 'input', check: precheckTouchpoints }],
              },
            }),
        }),
        BootstrapModule,
        OrgModule,
        IngestionModule,
        ScoresModule,
        TouchpointsModule,
        ExportModule,
        FeedModule,
        AdminModule,
        CommitmentsModule,
        FollowUpsModule,
        CustomersModule,
        IndicatorsModule,
        StorageModule,
      ],
      controllers: [HealthController],
      providers: [HealthProbes, { provide: APP_FILTER, useClass: QiheErrorFilter }, callersGuard()],
    };
  }
}
