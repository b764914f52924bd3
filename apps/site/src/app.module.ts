import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import depthLimit from 'graphql-depth-limit';
import { DateTimeScalar, formatGraphQLError, QiheErrorFilter } from '@qihe/server';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import type { SiteContext } from './auth/current-user.decorator';
import type { SiteConfig } from './config/site-config';
import { CoreModule } from './core/core.module';
import { ForwarderModule } from './forwarder/forwarder.module';
import { HealthController } from './health/health.controller';
import { StatusModule } from './status/status.module';
import { TouchpointsModule } from './touchpoints/touchpoints.module';

const MAX_DEPTH = 6;

function bearer(authorization: string | undefined): string | null {
  const m = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return m ? m[1] : null;
}

@Module({})
export class AppModule {
  static forRoot(config: SiteConfig): DynamicModule {
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
            validationRules: [depthLimit(MAX_DEPTH)],
            context: ({ req }: { req: Request }): SiteContext => {
              const token = bearer(req.headers.authorization);
              return { user: token ? auth.userOf(token) : null, token };
            },
            formatError: (formatted, error) => formatGraphQLError(formatted, error, config.production) as never,
          }),
        }),
        ForwarderModule,
        TouchpointsModule,
        StatusModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: QiheErrorFilter }],
    };
  }
}
