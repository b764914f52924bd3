import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { Database } from '@qihe/data';
import { HealthProbes } from './health-probes';
import { DATABASE } from './tokens';

/** `status` (ok, degraded), `database` (up), and each probed dependency (up, down). */
export type Health = Record<string, string>;

@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly probes: HealthProbes,
  ) {}

  /**
   * 200 when the database answers — `degraded` while a dependency the service
   * can run without is down — and 503 when the database does not answer (a load
   * balancer takes the process out).
   */
  @Get()
  async health(): Promise<Health> {
    const others = this.probes.states();
    if (!(await this.db.ping())) throw new HttpException({ status: 'unavailable', database: 'down', ...others }, HttpStatus.SERVICE_UNAVAILABLE);
    const degraded = Object.values(others).includes('down');
    return { status: degraded ? 'degraded' : 'ok', database: 'up', ...others };
  }
}
