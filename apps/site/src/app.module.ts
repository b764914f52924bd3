import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { apiGraphQLOptions, HealthController, QiheErrorFilter } from '@qihe/server';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import type { SiteContext } from './auth/current-user.decorator';
import type { SiteConfig } from './config/site-config';
import { CoreModule } from './core/core.module';
import { ForwarderModule } from './forwarder/forwarder.module';
import { StatusModule } from './status/status.module';
import { TouchpointsModule } from './touchpoints/touchpoints.module';

const MAX_DEPTH = 6;

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
          useFactory: (auth: AuthService) =>
            apiGraphQLOptions<SiteContext>({
              production: config.production,
              maxDepth: MAX_DEPTH,
              context: (token) => ({ user: token ? auth.userOf(token) : null, token }),
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
