import type { INestApplication } from '@nestjs/common';
import { Metrics } from './metrics';

/** Opens /metrics where configured: behind the scrape token on the main port, and/or on its own port. Call before `listen`. */
export async function serveMetrics(app: INestApplication, host: string): Promise<void> {
  const metrics = app.get(Metrics);
  const route = metrics.tokenRoute();
  if (route) app.use('/metrics', route);
  await metrics.listen(host);
}
