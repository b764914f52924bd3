import type { Seed } from '@qihe/domain';
import { rebuild } from './bulk';
import { withClient } from './pg';
import type { LoadOutcome } from './soak-load';

// After the soak, straight from PostgreSQL: every touchpoint the gateway
// accepted is stored (once: the id is the key), nothing else is, each has the
// rating it was last given; and the rollups the gateway kept incrementally
// equal a recount from the raw rows (rebuildRollups, the same counting code).

export interface SoakCheck {
  accepted: number;
  stored: number;
  /** Accepted but not stored. */
  lost: number;
  /** Stored but neither accepted nor of a failed call. */
  unexpected: number;
  /** Of the calls that failed (fate unknown to the sender): how many were stored after all. */
  unknownStored: number;
  unknown: number;
  /** Stored with another satisfaction score than the last one accepted. */
  wrongRatings: number;
  /** Rows that differ between the incremental rollups and the recount (both ways), per table. */
  rollupDiffs: { hour: number; day: number; minute: number };
  rollupRows: { hour: number; day: number; minute: number };
  recountMs: number;
}

const CHUNK = 50_000;
// Minute rows older than this before the recount may have been pruned by the gateway meanwhile: compare the rest.
const MINUTE_MARGIN_MS = 2 * 3_600_000 - 10 * 60_000;

export async function checkSoak(url: string, seed: Seed, outcome: LoadOutcome): Promise<SoakCheck> {
  const expected = [...outcome.expected];
  const counts = await withClient(url, async (c) => {
    await c.query(`CREATE TEMP TABLE soak_expected (id uuid PRIMARY KEY, score smallint, alt smallint)`);
    for (let i = 0; i < expected.length; i += CHUNK) {
      const part = expected.slice(i, i + CHUNK);
      await c.query(`INSERT INTO soak_expected SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::smallint[])`, [
        part.map(([id]) => id),
        part.map(([, s]) => s),
        part.map(([id]) => outcome.ratingUnknown.get(id) ?? null),
      ]);
    }
    await c.query(`CREATE TEMP TABLE soak_unknown (id uuid PRIMARY KEY)`);
    const unknown = [...outcome.unknown].filter((id) => !outcome.expected.has(id));
    await c.query(`INSERT INTO soak_unknown SELECT * FROM unnest($1::uuid[])`, [unknown]);
    const { rows } = await c.query<{ stored: string; lost: string; unexpected: string; unknown_stored: string; wrong_ratings: string }>(`
      SELECT (SELECT count(*) FROM touchpoint) AS stored,
             (SELECT count(*) FROM soak_expected e WHERE NOT EXISTS (SELECT 1 FROM touchpoint t WHERE t.id = e.id)) AS lost,
             (SELECT count(*) FROM touchpoint t WHERE NOT EXISTS (SELECT 1 FROM soak_expected e WHERE e.id = t.id)
                                                 AND NOT EXISTS (SELECT 1 FROM soak_unknown u WHERE u.id = t.id)) AS unexpected,
             (SELECT count(*) FROM soak_unknown u JOIN touchpoint t USING (id)) AS unknown_stored,
             (SELECT count(*) FROM soak_expected e JOIN touchpoint t USING (id)
               WHERE t.satisfaction_score IS DISTINCT FROM e.score AND (e.alt IS NULL OR t.satisfaction_score IS DISTINCT FROM e.alt)) AS wrong_ratings`);
    return { ...rows[0], unknown: unknown.length };
  });

  // Keep the incremental rollups, recount, compare row by row (EXCEPT ALL both ways).
  const recountStarted = Date.now();
  await withClient(url, async (c) => {
    await c.query(`DROP TABLE IF EXISTS soak_rollup_hour, soak_rollup_day, soak_rollup_minute`);
    for (const t of ['hour', 'day', 'minute']) await c.query(`CREATE TABLE soak_rollup_${t} AS TABLE rollup_${t}`);
  });
  const t0 = performance.now();
  await rebuild(url, seed);
  const recountMs = performance.now() - t0;
  const diff = await withClient(url, async (c) => {
    const since = new Date(recountStarted - MINUTE_MARGIN_MS).toISOString();
    const q = async (a: string, b: string): Promise<number> =>
      Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ((${a} EXCEPT ALL ${b}) UNION ALL (${b} EXCEPT ALL ${a})) d`)).rows[0].n);
    const minute = (t: string): string => `SELECT * FROM ${t} WHERE minute >= '${since}'`;
    const size = async (t: string): Promise<number> => Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    const out = {
      diffs: {
        hour: await q('TABLE soak_rollup_hour', 'TABLE rollup_hour'),
        day: await q('TABLE soak_rollup_day', 'TABLE rollup_day'),
        minute: await q(minute('soak_rollup_minute'), minute('rollup_minute')),
      },
      rows: { hour: await size('rollup_hour'), day: await size('rollup_day'), minute: await size('rollup_minute') },
    };
    await c.query(`DROP TABLE soak_rollup_hour, soak_rollup_day, soak_rollup_minute`);
    return out;
  });
  return {
    accepted: expected.length,
    stored: Number(counts.stored),
    lost: Number(counts.lost),
    unexpected: Number(counts.unexpected),
    unknownStored: Number(counts.unknown_stored),
    unknown: counts.unknown,
    wrongRatings: Number(counts.wrong_ratings),
    rollupDiffs: diff.diffs,
    rollupRows: diff.rows,
    recountMs: Math.round(recountMs),
  };
}
