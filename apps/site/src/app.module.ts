import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { apiGraphQLOptions, callersGuard, graphqlErrorLog, graphqlMetrics, HealthController, HealthProbes, loggingModule, Metrics, MetricsModule, QiheErrorFilter, type CallerContext } from '@qihe/server';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import type { SiteConfig } from './config/site-config';
import { CommitmentsModule } from './commitments/commitments.module';
import { CoreModule } from './core/core.module';
import { CustomersModule } from './customers/customers.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { ForwarderModule } from './forwarder/forwarder.module';
import { StatusModule } from './status/status.module';
import { TouchpointsModule } from './touchpoints/touchpoints.module';

const SIGN_IN_HINT = 'sign in at this site first (login), then send Authorization: Bearer <token>';

@Module({})
export class AppModule {
  static forRoot(config: SiteConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule('site', config.log),
        MetricsModule.forRoot(config.metrics),
        CoreModule.forRoot(config),
        AuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AuthService, Metrics],
          useFactory: (auth: AuthService, metrics: Metrics) =>
            apiGraphQLOptions<CallerContext>({
              production: config.production,
              limits: config.graphqlLimits,
              context: (token) => {
                const user = token ? auth.userOf(token) : null;
                return { caller: user && { kind: 'user', ...user }, token };
              },
              plugins: [graphqlMetrics(metrics), graphqlErrorLog()],
            }),
        }),
        ForwarderModule,
        TouchpointsModule,
        CommitmentsModule,
        FollowUpsModule,
        CustomersModule,
        StatusModule,
      ],
      controllers: [HealthController],
      providers: [HealthProbes, { provide: APP_FILTER, useClass: QiheErrorFilter }, callersGuard(SIGN_IN_HINT)],
    };
  }
}
