import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { Database } from '@qihe/data';
import { DATABASE } from '../core/tokens';

@Controller('health')
export class HealthController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** 200 when the site's database answers: the site can accept work whatever the gateway's state. */
  @Get()
  async health(): Promise<{ status: string; database: string }> {
    if (await this.db.ping()) return { status: 'ok', database: 'up' };
    throw new HttpException({ status: 'unavailable', database: 'down' }, HttpStatus.SERVICE_UNAVAILABLE);
  }
}
