import { COUNTER_KEYS } from '@qihe/domain';
import type { Sql } from './database';
import { COUNTER_COLUMNS, type HourRow, type RollupDeltas } from './rollup-deltas';
import { insertNewRollupHours, upsertRollupDays } from './rollup-write.repository';

// The recount's hourly rows into the emptied rollup_hour: COPY in PostgreSQL's
// binary format where the connection can (a PostgreSQL server), the unnest
// INSERT elsewhere (the embedded database). Binary COPY spares both sides the
// numbers' text: the recount spent more time formatting 24 counters per row as
// text than counting them. The rows need no order: the recount holds the
// table alone (TRUNCATE) and its index is built afterwards.

const COPY_SQL = `COPY rollup_hour (unit_id, hour, dim, val, ${COUNTER_KEYS.map((k) => COUNTER_COLUMNS[k]).join(', ')}) FROM STDIN (FORMAT binary)`;
const FIELDS = 4 + COUNTER_KEYS.length;
const N = COUNTER_KEYS.length;
/** The one 8-byte counter column; the others are int4. */
const WIDE = COUNTER_KEYS.indexOf('handleSeconds');
const CHUNK_BYTES = 1 << 20;
/** PostgreSQL's epoch (2000-01-01) in Unix ms; timestamptz travels as µs since it. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 4_294_967_296;

/** The binary format's signature, flags and header extension length. */
const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const TRAILER = Buffer.from([0xff, 0xff]);

/** Encodes rows into 1 MB chunks: per row a field count, then each field as its length and bytes. */
export function* binaryHourRows(rows: Iterable<HourRow>): Generator<Buffer> {
  let buf = Buffer.allocUnsafe(CHUNK_BYTES);
  HEADER.copy(buf, 0);
  let at = HEADER.length;
  for (const r of rows) {
    const unitLen = Buffer.byteLength(r.unitId);
    const valLen = Buffer.byteLength(r.val);
    const need = 2 + 4 + unitLen + 12 + 6 + 4 + valLen + N * 12;
    if (at + need > buf.length) {
      yield buf.subarray(0, at);
      buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, need));
      at = 0;
    }
    at = buf.writeInt16BE(FIELDS, at);
    at = buf.writeInt32BE(unitLen, at);
    at += buf.write(r.unitId, at, 'utf8');
    // timestamptz: int64 µs since 2000-01-01 (hours are whole ms, so exact).
    const us = (r.hour - PG_EPOCH_MS) * 1000;
    at = buf.writeInt32BE(8, at);
    at = writeInt64(buf, us, at);
    at = buf.writeInt32BE(2, at);
    at = buf.writeInt16BE(r.dim, at);
    at = buf.writeInt32BE(valLen, at);
    at += buf.write(r.val, at, 'utf8');
    const n = r.n;
    for (let i = 0; i < N; i++) {
      // Each counter in its column's type (migration 1765090000000): int4, handle seconds int8.
      if (i === WIDE) {
        at = buf.writeInt32BE(8, at);
        at = writeInt64(buf, n[i], at);
      } else {
        at = buf.writeInt32BE(4, at);
        at = buf.writeInt32BE(n[i], at);
      }
    }
  }
  if (at + 2 > buf.length) {
    yield buf.subarray(0, at);
    buf = Buffer.allocUnsafe(2);
    at = 0;
  }
  at += TRAILER.copy(buf, at);
  yield buf.subarray(0, at);
}

/** A safe integer as a big-endian int64, without BigInt. */
function writeInt64(buf: Buffer, v: number, at: number): number {
  if (!Number.isSafeInteger(v)) throw new RangeError(`a rollup counter must be a safe integer: ${v}`);
  const hi = Math.floor(v / TWO_32);
  at = buf.writeInt32BE(hi, at);
  return buf.writeUInt32BE(v - hi * TWO_32, at);
}

/**
 * Writes hourly rows that do not exist yet (no upsert) and adds them to their
 * day rows. Minute rows are not written.
 */
export async function writeNewRollupHours(sql: Sql, deltas: RollupDeltas): Promise<void> {
  if (!sql.copyFrom) return insertNewRollupHours(sql, deltas);
  if (deltas.hourRowCount === 0) return;
  await sql.copyFrom(COPY_SQL, binaryHourRows(deltas.hourRowsUnordered()));
  await upsertRollupDays(sql, deltas.dayRowsList());
}
