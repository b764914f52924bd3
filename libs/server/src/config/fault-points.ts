import { ConfigError, type Env } from './config-error';

// Fault-injection points for tests that must break a process at one exact
// place (QIHE_FAULT_POINTS, comma-separated). Honoured only with NODE_ENV=test:
// a production process refuses to boot with any set, so none can be left on
// by mistake.
//
//   kill-after-monitor-commit  the commitment monitor SIGKILLs its own process
//                              right after the transaction of a pass that
//                              decided alerts commits, before any of them is
//                              sent; this replica's outbox sender stays idle,
//                              so nothing it decided leaves it before the kill
//   no-outbox-relay            this replica sends nothing from the feed outbox
//                              (its clients hear what other replicas send)
//   kill-after-outbox-commit   the feed outbox sender SIGKILLs its own process
//                              right after the transaction that marked a batch
//                              sent commits
//   kill-after-outbox-publish  the same sender SIGKILLs its process once Redis
//                              confirmed a batch, before it is marked sent (the
//                              next sender publishes it again)

export const FAULT_POINTS = ['kill-after-monitor-commit', 'no-outbox-relay', 'kill-after-outbox-commit', 'kill-after-outbox-publish'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export function readFaultPoints(env: Env): ReadonlySet<FaultPoint> {
  const raw = env.QIHE_FAULT_POINTS?.trim();
  if (!raw) return new Set();
  if ((env.NODE_ENV ?? 'development') !== 'test') {
    throw new ConfigError('QIHE_FAULT_POINTS', 'QIHE_FAULT_POINTS is for tests only: it is refused unless NODE_ENV=test.');
  }
  const points = raw.split(',').map((p) => p.trim());
  const unknown = points.filter((p) => !(FAULT_POINTS as readonly string[]).includes(p));
  if (unknown.length) throw new ConfigError('QIHE_FAULT_POINTS', `QIHE_FAULT_POINTS: unknown fault point "${unknown[0]}" (known: ${FAULT_POINTS.join(', ')}).`);
  return new Set(points as FaultPoint[]);
}
