import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Database, rebuildRollups, upsertUnits } from '@qihe/data';
import { OrgTree } from '@qihe/domain';
import { bulkLoad } from './bulk';
import { benchOrg } from './org';
import { startBenchDatabase, withClient } from './pg';

// `node dist/tools/bench/src/recount.js [--rows 300000] [--units 10000] [--runs 2] [--data-dir DIR]`: the rollup recount's
// rate at the 10M set's fan-out (10,021 units, 10,000 agents, 111k touchpoints a day) on a throwaway
// cluster: rows COPYed once, then rebuildRollups timed `runs` times (touchpoints/s, rollup rows written).

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '300000' },
    units: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '2' },
    'data-dir': { type: 'string' },
  },
});

async function main(): Promise<void> {
  const rows = Number(args.rows);
  const db = await startBenchDatabase(undefined, args['data-dir']);
  const org = benchOrg(mkdtempSync(join(tmpdir(), 'qihe-recount-')), 20, Math.ceil(Number(args.units) / 20));
  const data = await Database.open({ url: db.url, poolSize: 1, applicationName: 'qihe-bench-recount' });
  try {
    await data.migrate();
    const [{ n }] = await data.query<{ n: string }>(`SELECT count(*) AS n FROM touchpoint`);
    if (Number(n) < rows) {
      await upsertUnits(data, org.seed.units);
      const now = Date.now();
      // The 10M set's density: 10M over 90 days.
      const days = (rows / 10_000_000) * 90;
      const ms = await bulkLoad(db.url, org.seed, { rows, fromMs: now - days * 86_400_000, toMs: now - 60_000, seed: `recount-${rows}` });
      await withClient(db.url, (c) => c.query('VACUUM ANALYZE touchpoint'));
      console.log(`COPY ${rows} rows over ${org.seed.units.length} units (${days.toFixed(1)} days) in ${Math.round(ms / 1000)} s`);
    }
    const tree = new OrgTree(org.seed.units);
    for (let i = 0; i < Number(args.runs); i++) {
      const l0 = loadavg()[0].toFixed(1);
      const t = performance.now();
      const done = await data.transaction((tx) => rebuildRollups(tx, (id) => tree.lineage(id), {}));
      const s = (performance.now() - t) / 1000;
      const [{ h, d, bytes }] = await data.query<{ h: string; d: string; bytes: string }>(
        `SELECT (SELECT count(*) FROM rollup_hour) AS h, (SELECT count(*) FROM rollup_day) AS d, pg_total_relation_size('rollup_hour') AS bytes`,
      );
      console.log(
        `recount ${i + 1}: ${done} touchpoints in ${s.toFixed(1)} s = ${Math.round(done / s)}/s; ${h} hour rows (${(Number(h) / done).toFixed(2)} per touchpoint, ${Math.round(Number(bytes) / done)} B per touchpoint with indexes), ${d} day rows; load ${l0} → ${loadavg()[0].toFixed(1)}`,
      );
    }
  } finally {
    await data.close();
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
