import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Metrics, METRICS_CONFIG } from './metrics';
import type { MetricsConfig } from './metrics-config';

/** The service's metrics registry, for every feature to add its own. */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(config: MetricsConfig): DynamicModule {
    return { module: MetricsModule, providers: [{ provide: METRICS_CONFIG, useValue: config }, Metrics], exports: [Metrics] };
  }
}
