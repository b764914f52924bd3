import { Database, runRetention, settleBefore, settleOwnDays } from '@qihe/data';
import { countRows } from './phases';
import { scoreQueries, timeQuery, type ScoreQuery } from './scores';

// Issue 15: a retention run over the loaded rows (90 days, QIHE_RETENTION_DAYS
// = 60: the 30 oldest days of partitions dropped), timed, and every score query
// of the bench — windows of the kept 60 days, and a 85-day one reaching into
// the dropped days — asked before and after: each answer must stay the same (1e-9).
// The loaded days are settled first (settleOwnDays: what the storage job does
// to each day once it is past, in the background), timed apart, and the
// answers asked once more between the two.

export interface RetentionResult {
  rowsBefore: number;
  rowsAfter: number;
  droppedTouchpointPartitions: number;
  droppedKeyPartitions: number;
  /** Settling the loaded days before the run: days, touchpoints, seconds. */
  settledDays: number;
  settledTouchpoints: number;
  settleSeconds: number;
  seconds: number;
  queriesCompared: number;
  /** The largest difference of any number in any answer, before vs after. */
  maxAbsDiff: number;
  unchanged: boolean;
}

const DAY = 86_400_000;

/** The largest difference between the numbers of two JSON answers (Infinity when their shapes differ). */
function maxDiff(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b);
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    if (ka.join() !== Object.keys(b).join()) return Infinity;
    return Math.max(0, ...ka.map((k) => maxDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])));
  }
  return a === b ? 0 : Infinity;
}

export async function retentionPhase(url: string, dbUrl: string, token: string, group: string, project: string): Promise<RetentionResult> {
  const now = Date.now();
  // Score kinds only: the drill-down's rows are what retention removes.
  const queries: ScoreQuery[] = scoreQueries(group, project, now).filter((q) => !q.key.startsWith('touchpoints'));
  const midnight = Math.floor(now / DAY) * DAY;
  const long = queries.find((q) => q.key === 'engagementScore_group_30d');
  if (long) queries.push({ ...long, key: 'engagementScore_group_85d', variables: { ...long.variables, f: new Date(midnight - 85 * DAY).toISOString() } });
  const ask = async (): Promise<unknown[]> => {
    const out: unknown[] = [];
    for (const q of queries) out.push((await timeQuery(url, token, q, 0, 1)).sample);
    return out;
  };
  const before = await ask();
  const rowsBefore = await countRows(dbUrl);
  const db = await Database.open({ url: dbUrl, poolSize: 2, applicationName: 'qihe-bench-retention' });
  let report;
  let settled;
  let settleSeconds;
  let seconds;
  let settledAnswers;
  try {
    const t0 = performance.now();
    settled = await settleOwnDays(db, settleBefore(now));
    settleSeconds = (performance.now() - t0) / 1000;
    settledAnswers = await ask();
    const t1 = performance.now();
    report = await runRetention(db, now, { rawDays: 60, hourRollupDays: null });
    seconds = (performance.now() - t1) / 1000;
  } finally {
    await db.close();
  }
  const after = await ask();
  const diff = Math.max(maxDiff(settledAnswers, before), maxDiff(after, before));
  return {
    rowsBefore,
    rowsAfter: await countRows(dbUrl),
    droppedTouchpointPartitions: report.droppedTouchpointPartitions.length,
    droppedKeyPartitions: report.droppedKeyPartitions.length,
    settledDays: settled.days,
    settledTouchpoints: settled.touchpoints,
    settleSeconds: Math.round(settleSeconds * 100) / 100,
    seconds: Math.round(seconds * 100) / 100,
    queriesCompared: queries.length,
    maxAbsDiff: diff,
    unchanged: diff <= 1e-9,
  };
}
