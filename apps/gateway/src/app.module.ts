import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { APP_FILTER } from '@nestjs/core';
import { DateTimeScalar, formatGraphQLError, QiheErrorFilter, type GatewayConfig } from '@qihe/server';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { AuthService, bearer } from './auth/auth.service';
import type { GraphQLContext } from './auth/current-caller.decorator';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { CoreModule } from './core/core.module';
import { FeedModule } from './feed/feed.module';
import { complexityLimit, safeDepthLimit } from './graphql-limits';
import { HealthController } from './health/health.controller';
import { IngestionModule } from './ingestion/ingestion.module';
import { OrgModule } from './org/org.module';
import { ScoresModule } from './scores/scores.module';
import { TouchpointsModule } from './touchpoints/touchpoints.module';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        AuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AuthService],
          useFactory: (auth: AuthService) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            playground: false,
            introspection: !config.production,
            includeStacktraceInErrorResponses: !config.production,
            validationRules: [safeDepthLimit()],
            plugins: [complexityLimit],
            context: async ({ req }: { req: Request }): Promise<GraphQLContext> => {
              const token = bearer(req.headers.authorization);
              return { caller: token ? await auth.callerOf(token) : null, token };
            },
            formatError: (formatted, error) => formatGraphQLError(formatted, error, config.production) as never,
          }),
        }),
        BootstrapModule,
        OrgModule,
        IngestionModule,
        ScoresModule,
        TouchpointsModule,
        FeedModule,
        AdminModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: QiheErrorFilter }],
    };
  }
}
