import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Database, dayOf, dropCustomerTouchpoints, foldOwnSlices, listPartitions, PARTITION_LOCK_SQL, retentionHorizon } from '@qihe/data';
import { startBenchDatabase } from './pg';

// Issue 15: what a retention run costs per dropped touchpoint, step by step: the
// own-unit fold (own-slices.ts), the customer lens's rows, the drop. Each due day
// partition goes as runRetention does it, in a transaction that is rolled back: the set
// stays as loaded, so two builds are timed on the same rows, and each day's
// folded rows are digested (md5) so the two builds' folds can be compared exactly.
//
//   node dist/tools/bench/src/retention-fold.js --data-dir /work/data/retLens/1m [--raw-days 60] [--limit 30] [--lens-by-range]
//
// --lens-by-range: the lens's rows deleted as before 2026-12-02 (a range of occurred_at: a read of the whole lens).

const { values: args } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'raw-days': { type: 'string', default: '60' },
    limit: { type: 'string' },
    'lens-by-range': { type: 'boolean', default: false },
  },
});

const load1 = (): number => Math.round(loadavg()[0] * 100) / 100;

async function main(): Promise<void> {
  if (!args['data-dir']) throw new Error('--data-dir: the data dir of a loaded scale set (--phases scale)');
  const pg = await startBenchDatabase(undefined, args['data-dir']);
  const db = await Database.open({ url: pg.url, poolSize: 1, applicationName: 'qihe-bench-retention-fold' });
  try {
    const cut = dayOf(retentionHorizon(Date.now(), Number(args['raw-days'])) as number);
    let due = (await listPartitions(db)).filter((p) => p.table === 'touchpoint' && p.day !== null && p.day < cut);
    due.sort((a, b) => a.name.localeCompare(b.name));
    if (args.limit) due = due.slice(-Number(args.limit));
    // Rolled-back folds leave dead rows behind: every run starts from the same table.
    await db.query('VACUUM rollup_day_slice');
    const l0 = load1();
    let rows = 0;
    let written = 0;
    let foldMs = 0;
    let lensMs = 0;
    let dropMs = 0;
    const digests: string[] = [];
    for (const p of due) {
      await db.transaction(async (tx) => {
        await tx.query(PARTITION_LOCK_SQL);
        const [{ before }] = await tx.query<{ before: number }>(`SELECT count(*)::int AS before FROM rollup_day_slice`);
        const t0 = performance.now();
        await tx.query(`LOCK TABLE ${p.name} IN SHARE MODE`);
        const n = await foldOwnSlices(tx, p.name, Date.parse(`${p.day as string}T00:00:00Z`));
        const t1 = performance.now();
        if (args['lens-by-range']) {
          const from = Date.parse(`${p.day as string}T00:00:00Z`);
          await tx.query(`DELETE FROM customer_touchpoint WHERE occurred_at >= $1 AND occurred_at < $2`, [new Date(from).toISOString(), new Date(from + 86_400_000).toISOString()]);
        } else await dropCustomerTouchpoints(tx, p.name);
        const tLens = performance.now();
        await tx.query(`LOCK TABLE touchpoint IN ACCESS EXCLUSIVE MODE`);
        await tx.query(`DROP TABLE ${p.name}`);
        const t2 = performance.now();
        const [{ after, digest }] = await tx.query<{ after: number; digest: string | null }>(
          `SELECT (SELECT count(*)::int FROM rollup_day_slice) AS after,
                  (SELECT md5(string_agg(s::text, ';' ORDER BY unit_id, dim, val)) FROM rollup_day_slice s WHERE day = $1) AS digest`,
          [`${p.day as string}T00:00:00Z`],
        );
        rows += n;
        written += after - before;
        foldMs += t1 - t0;
        lensMs += tLens - t1;
        dropMs += t2 - tLens;
        digests.push(`${p.day as string} ${n} ${digest ?? '-'}`);
        throw new RolledBack();
      }).catch((e: unknown) => {
        if (!(e instanceof RolledBack)) throw e;
      });
    }
    const us = (ms: number): number => Math.round((ms * 1000) / Math.max(1, rows));
    console.log(digests.join('\n'));
    console.log(
      `${due.length} day partitions, ${rows} touchpoints, ${written} rollup_day_slice rows written (${(written / Math.max(1, rows)).toFixed(2)} per touchpoint): ` +
        `fold ${Math.round(foldMs)} ms (${us(foldMs)} µs/tp), customer lens ${args['lens-by-range'] ? 'by range' : 'joined'} ${Math.round(lensMs)} ms (${us(lensMs)} µs/tp), drop ${Math.round(dropMs)} ms (${us(dropMs)} µs/tp); load average ${l0} → ${load1()}`,
    );
  } finally {
    await db.close();
    await pg.stop();
  }
}

class RolledBack extends Error {}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
