import { COUNTER_KEYS } from '@qihe/domain';
import type { Sql } from './database';
import { COUNTER_COLUMNS, type HourRow, type RollupDeltas } from './rollup-deltas';
import { insertNewRollupHours, upsertRollupDays } from './rollup-write.repository';

// The recount's hourly rows into the emptied rollup_hour: COPY in text format
// where the connection can (a PostgreSQL server), the unnest INSERT elsewhere
// (the embedded database). COPY costs the server about half of what parsing 28
// array parameters and unnesting them does, and the rows need no order: the
// recount holds the table alone (TRUNCATE) and its index is built afterwards.

const COPY_SQL = `COPY rollup_hour (unit_id, hour, dim, val, ${COUNTER_KEYS.map((k) => COUNTER_COLUMNS[k]).join(', ')}) FROM STDIN`;
const CHUNK_ROWS = 2_000;

/** COPY's text format: backslash, tab, newline and carriage return escaped. */
const SPECIAL = /[\\\t\n\r]/;
const copyText = (v: string): string =>
  SPECIAL.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;

function* copyChunks(rows: Iterable<HourRow>): Generator<string> {
  const iso = new Map<number, string>();
  let chunk = '';
  let n = 0;
  for (const r of rows) {
    let hour = iso.get(r.hour);
    if (hour === undefined) iso.set(r.hour, (hour = new Date(r.hour).toISOString()));
    chunk += `${copyText(r.unitId)}\t${hour}\t${r.dim}\t${copyText(r.val)}\t${r.n.join('\t')}\n`;
    if (++n === CHUNK_ROWS) {
      yield chunk;
      chunk = '';
      n = 0;
    }
  }
  if (n > 0) yield chunk;
}

/**
 * Writes hourly rows that do not exist yet (no upsert) and adds them to their
 * day rows. Minute rows are not written.
 */
export async function writeNewRollupHours(sql: Sql, deltas: RollupDeltas): Promise<void> {
  if (!sql.copyFrom) return insertNewRollupHours(sql, deltas);
  if (deltas.hourRowCount === 0) return;
  await sql.copyFrom(COPY_SQL, copyChunks(deltas.hourRowsUnordered()));
  await upsertRollupDays(sql, deltas.dayRowsList());
}
