import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PG_BIN } from '../../../test/support/postgres-cluster';
import { withClient } from './pg';

// Where a phase's WAL went, table by table (issue 15's WAL per touchpoint,
// issue 16's "count first"): pg_waldump over the phase's LSN range, each
// record charged to the relation of its first block (heap or index; a
// partition counts for its parent), with the heap records that make or change
// a row counted as rows touched. Records that name no relation (commits,
// running-xacts, …) are grouped by resource manager.

export interface WalTableLine {
  /** Parent table (partitions folded into it), then `heap`, `index <name>`, `toast` or a resource manager. */
  table: string;
  part: string;
  bytesPerTouchpoint: number;
  /** The same without full-page images (record bytes only: what the statements wrote, whatever the checkpoints' timing). */
  recordBytesPerTouchpoint: number;
  /** Heap INSERT / UPDATE / HOT_UPDATE / DELETE records per touchpoint (rows written), for heap lines. */
  rowsPerTouchpoint: number;
  /** Of those, HOT updates per touchpoint. */
  hotPerTouchpoint: number;
  fullPageImages: number;
}

export interface WalByTable {
  startLsn: string;
  endLsn: string;
  touchpoints: number;
  bytesPerTouchpoint: number;
  recordBytesPerTouchpoint: number;
  lines: WalTableLine[];
}

export const currentLsn = (dbUrl: string): Promise<string> => withClient(dbUrl, async (c) => (await c.query<{ l: string }>('SELECT pg_current_wal_lsn()::text AS l')).rows[0].l);

/** The start of a span whose WAL is kept on disk until release(): a phase longer than max_wal_size would have its first segments recycled before pg_waldump reads them. */
export interface WalHold {
  lsn: string;
  release(): Promise<void>;
}

let holds = 0;
/**
 * Holds the WAL from now on with a physical replication slot (reserved at once), so that walByTable can read a span of
 * any length. It keeps segments only; checkpoints come as before (max_wal_size counts the WAL since the last one).
 */
export async function holdWal(dbUrl: string): Promise<WalHold> {
  const slot = `qihe_bench_wal_${process.pid}_${++holds}`;
  const lsn = await withClient(dbUrl, async (c) => {
    // A bench that died holding one would keep a kept data dir's WAL for ever: other processes' holds go first.
    await c.query(
      `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
        WHERE slot_name LIKE 'qihe\\_bench\\_wal\\_%' AND slot_name NOT LIKE $1 AND NOT active`,
      [`qihe\\_bench\\_wal\\_${process.pid}\\_%`],
    );
    await c.query('SELECT pg_create_physical_replication_slot($1, true)', [slot]);
    return (await c.query<{ l: string }>('SELECT pg_current_wal_lsn()::text AS l')).rows[0].l;
  });
  return { lsn, release: () => withClient(dbUrl, async (c) => void (await c.query('SELECT pg_drop_replication_slot($1)', [slot]))) };
}

/**
 * Runs `work` with the WAL from then on held, then reads that span by table (`touchpoints(value)` the divisor); the hold
 * is released whatever happens. Without `dataDir` (no pg_waldump to read with) it only runs `work`: `wal` is null.
 */
export async function walDuring<T>(
  dbUrl: string,
  dataDir: string | null | undefined,
  work: () => Promise<T>,
  touchpoints: (value: T) => number,
): Promise<{ value: T; wal: WalByTable | null }> {
  if (!dataDir) return { value: await work(), wal: null };
  const held = await holdWal(dbUrl);
  try {
    const value = await work();
    return { value, wal: await walByTable(dbUrl, dataDir, held.lsn, await currentLsn(dbUrl), touchpoints(value)) };
  } finally {
    await held.release();
  }
}

interface Acc {
  bytes: number;
  rec: number;
  rows: number;
  hot: number;
  fpi: number;
}

const LINE = /^rmgr: (\S+)\s+len \(rec\/tot\):\s*(\d+)\/\s*(\d+),.*?desc: (\S+)(.*)$/;
const REL = /blkref #0: rel (\d+)\/(\d+)\/(\d+)/;

/** Reads the WAL between two LSNs of the cluster in `dataDir` and charges it to tables. */
export async function walByTable(dbUrl: string, dataDir: string, startLsn: string, endLsn: string, touchpoints: number): Promise<WalByTable> {
  await withClient(dbUrl, (c) => c.query('SELECT pg_switch_wal()')); // the last segment is complete on disk
  const byRel = new Map<string, Acc>();
  const acc = (key: string): Acc => {
    let a = byRel.get(key);
    if (!a) byRel.set(key, (a = { bytes: 0, rec: 0, rows: 0, hot: 0, fpi: 0 }));
    return a;
  };
  // Read as it is written: a 200,000-touchpoint run's dump is longer than the longest string Node can hold.
  const dump = spawn(join(PG_BIN, 'pg_waldump'), ['-p', join(dataDir, 'pg_wal'), '-s', startLsn, '-e', endLsn], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  dump.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    dump.on('error', reject);
    dump.on('close', resolve);
  });
  for await (const line of createInterface({ input: dump.stdout, crlfDelay: Infinity })) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, rmgr, rec, tot, desc, rest] = m;
    const rel = REL.exec(rest);
    const a = acc(rel ? `rel:${rel[3]}` : `rmgr:${rmgr}`);
    a.bytes += Number(tot);
    a.rec += Number(rec);
    if (rest.includes('FPW')) a.fpi++;
    // A record that starts a new page says so (INSERT+INIT, HOT_UPDATE+INIT, …): still one row written.
    const op = desc.replace(/\+INIT$/, '');
    if ((rmgr === 'Heap' || rmgr === 'Heap2') && /^(INSERT|UPDATE|HOT_UPDATE|DELETE|MULTI_INSERT)$/.test(op)) {
      a.rows += op === 'MULTI_INSERT' ? Number(/ntuples: (\d+)/.exec(rest)?.[1] ?? 1) : 1;
      if (op === 'HOT_UPDATE') a.hot++;
    }
  }
  const code = await exited;
  if (code !== 0) throw new Error(`pg_waldump exited with ${code}: ${stderr.trim()}`);
  const names = await relationNames(dbUrl, [...byRel.keys()].filter((k) => k.startsWith('rel:')).map((k) => Number(k.slice(4))));
  const merged = new Map<string, WalTableLine>();
  let total = 0;
  let totalRec = 0;
  for (const [key, a] of byRel) {
    total += a.bytes;
    totalRec += a.rec;
    const [table, part] = key.startsWith('rel:') ? (names.get(Number(key.slice(4))) ?? ['(other relation)', key.slice(4)]) : ['(no relation)', key.slice(5)];
    const k = `${table}\u0000${part}`;
    const l = merged.get(k) ?? { table, part, bytesPerTouchpoint: 0, recordBytesPerTouchpoint: 0, rowsPerTouchpoint: 0, hotPerTouchpoint: 0, fullPageImages: 0 };
    l.bytesPerTouchpoint += a.bytes;
    l.recordBytesPerTouchpoint += a.rec;
    l.rowsPerTouchpoint += a.rows;
    l.hotPerTouchpoint += a.hot;
    l.fullPageImages += a.fpi;
    merged.set(k, l);
  }
  const per = (x: number): number => Math.round((x / touchpoints) * 100) / 100;
  const lines = [...merged.values()]
    .map((l) => ({ ...l, bytesPerTouchpoint: per(l.bytesPerTouchpoint), recordBytesPerTouchpoint: per(l.recordBytesPerTouchpoint), rowsPerTouchpoint: per(l.rowsPerTouchpoint), hotPerTouchpoint: per(l.hotPerTouchpoint) }))
    .sort((a, b) => b.bytesPerTouchpoint - a.bytesPerTouchpoint);
  return { startLsn, endLsn, touchpoints, bytesPerTouchpoint: per(total), recordBytesPerTouchpoint: per(totalRec), lines };
}

/** filenode → [parent table, part] in the bench database (relations of other databases stay unnamed). */
async function relationNames(dbUrl: string, filenodes: number[]): Promise<Map<number, [string, string]>> {
  if (filenodes.length === 0) return new Map();
  return withClient(dbUrl, async (c) => {
    const { rows } = await c.query<{ node: number; table: string; part: string }>(
      `SELECT f.node, coalesce(pp.relname, t.relname) AS table,
              CASE r.relkind WHEN 'i' THEN 'index ' || regexp_replace(r.relname, '_p\\d{8}', '') WHEN 't' THEN 'toast' ELSE 'heap' END AS part
         FROM unnest($1::oid[]) AS f(node)
         JOIN pg_class r ON r.oid = pg_filenode_relation(0, f.node)
         LEFT JOIN pg_index i ON i.indexrelid = r.oid
         JOIN pg_class t ON t.oid = coalesce(i.indrelid, (SELECT c.oid FROM pg_class c WHERE c.reltoastrelid = r.oid), r.oid)
         LEFT JOIN pg_inherits h ON h.inhrelid = t.oid
         LEFT JOIN pg_class pp ON pp.oid = h.inhparent`,
      [filenodes],
    );
    return new Map(rows.map((r) => [Number(r.node), [r.table, r.part]]));
  });
}

export const printWal = (w: WalByTable, top = 25): string =>
  [
    `  WAL ${w.bytesPerTouchpoint} bytes per touchpoint, ${w.recordBytesPerTouchpoint} without full-page images (${w.startLsn} → ${w.endLsn}), by table (rows: heap records that wrote a row, per touchpoint):`,
    ...w.lines
      .slice(0, top)
      .map(
        (l) =>
          `    ${String(l.bytesPerTouchpoint).padStart(8)} B/tp (${String(l.recordBytesPerTouchpoint).padStart(8)} w/o FPI)  ${l.rowsPerTouchpoint ? `${String(l.rowsPerTouchpoint).padStart(6)} rows/tp (${l.hotPerTouchpoint} HOT)` : ''.padStart(22)}  ${l.table} ${l.part}${l.fullPageImages ? `, ${l.fullPageImages} FPI` : ''}`,
      ),
  ].join('\n');
