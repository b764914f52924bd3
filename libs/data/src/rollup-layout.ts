import { COUNTER_KEYS, SLICE_DIMENSIONS } from '@qihe/domain';
import type { Sql } from './database';

// Which slice dimensions the stored rollup rows were counted with (their dim
// codes are positions in SLICE_DIMENSIONS), and which counters. A gateway whose
// layout differs from the stored one recounts every rollup before it serves
// (rebuildRollups), so a new dimension or counter is exact for the past too,
// and a breakdown never reads rows counted under another numbering.

// The suffix names how slice rows are counted: a unit's own touchpoints are not in
// its own slice rows but read from the raw rows (own-slices.ts). Rows counted
// before it (the unit's own part included) are recounted. Rows counted before
// the counters were named here lack `neutral` (migration 1765230000000).
export const ROLLUP_LAYOUT = `${SLICE_DIMENSIONS.join(',')};own-slices:raw;counters:${COUNTER_KEYS.join(',')}`;

/**
 * Whether the rollups must be recounted for the current layout. Locks the
 * layout row until commit, so replicas starting together recount once. With
 * no layout recorded (no rollups existed at the migration) it records the
 * current one: nothing was counted under another.
 */
export async function rollupsNeedRecount(sql: Sql): Promise<boolean> {
  const rows = await sql.query<{ dims: string }>(`SELECT dims FROM rollup_layout FOR UPDATE`);
  if (rows.length === 0) {
    await stampRollupLayout(sql);
    return false;
  }
  return rows[0].dims !== ROLLUP_LAYOUT;
}

/** Records that the rollups hold the current layout (after a recount). */
export async function stampRollupLayout(sql: Sql): Promise<void> {
  await sql.query(`INSERT INTO rollup_layout (id, dims) VALUES (true, $1) ON CONFLICT (id) DO UPDATE SET dims = EXCLUDED.dims`, [ROLLUP_LAYOUT]);
}
