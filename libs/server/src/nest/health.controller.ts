import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { Database } from '@qihe/data';
import { DATABASE } from './tokens';

@Controller('health')
export class HealthController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** 200 when the database answers, 503 when it does not (a load balancer takes the process out). */
  @Get()
  async health(): Promise<{ status: string; database: string }> {
    if (await this.db.ping()) return { status: 'ok', database: 'up' };
    throw new HttpException({ status: 'unavailable', database: 'down' }, HttpStatus.SERVICE_UNAVAILABLE);
  }
}
