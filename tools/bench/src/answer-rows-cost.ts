import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { startBenchDatabase } from './pg';

// What a statement's answer costs (issue 16, h16c): 500 touchpoints answered as
// 500 rows against one row — the insert's (id, receivedAt, repeat flag per
// row, before; one summary row with the repeats' ids, after) and the claim's
// (a row per claimed id; one array_agg literal; one string_agg text) — on a
// throwaway PostgreSQL, each answer read as the repositories read it. CPU of
// this process (the driver's parsing included) and of the backend (/proc),
// per touchpoint, the forms alternating round by round:
// `node dist/tools/bench/src/answer-rows-cost.js [rounds=12]`.

const ticks = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]); // utime + stime, 1/100 s
};

const INS = `WITH ins AS (SELECT id, floor(extract(epoch FROM received_at) * 1000)::float8 AS received_ms, repeat FROM t)`;
type Row = Record<string, unknown>;
const FORMS: Record<string, [string, (rows: Row[]) => number]> = {
  'insert, a row each': [
    `${INS} SELECT id, received_ms, repeat, NULL::float8 AS next_ms FROM ins`,
    (rows) => {
      const at = new Map<string, number>();
      const repeats = new Set<string>();
      for (const r of rows) {
        at.set(r.id as string, Number(r.received_ms));
        if (r.repeat) repeats.add(r.id as string);
      }
      return at.size + repeats.size;
    },
  ],
  'insert, one row': [
    `${INS} SELECT NULL::text AS id, max(received_ms) AS received_ms, count(*)::int AS n,
       string_agg(id::text, ',') FILTER (WHERE repeat) AS repeats, NULL::float8 AS next_ms FROM ins`,
    (rows) => Number(rows[0].received_ms) + new Set((rows[0].repeats as string).split(',')).size,
  ],
  'claim, a row each': [`SELECT id::text AS id, (SELECT count(*) FROM t) AS locked FROM t`, (rows) => new Set(rows.map((r) => r.id as string)).size],
  'claim, array_agg': [`SELECT array_agg(id)::text AS ids, (SELECT count(*) FROM t) AS locked FROM t`, (rows) => new Set((rows[0].ids as string).slice(1, -1).split(',')).size],
  'claim, string_agg': [`SELECT string_agg(id::text, ',') AS ids, (SELECT count(*) FROM t) AS locked FROM t`, (rows) => new Set((rows[0].ids as string).split(',')).size],
};

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 12);
  const db = await startBenchDatabase();
  const c = new Client({ connectionString: db.url });
  try {
    await c.connect();
    const pid = Number((await c.query<{ p: number }>('SELECT pg_backend_pid() AS p')).rows[0].p);
    await c.query(`CREATE TABLE t AS SELECT gen_random_uuid() AS id, now() AS received_at, (i % 5 = 0) AS repeat FROM generate_series(1, 500) i`);
    const us: Record<string, [number, number][]> = {};
    const calls = 200;
    for (let round = 0; round < rounds; round++) {
      for (const [name, [sql, read]] of Object.entries(FORMS)) {
        const t0 = process.cpuUsage();
        const b0 = ticks(pid);
        for (let i = 0; i < calls; i++) read((await c.query<Row>(sql)).rows);
        const t = process.cpuUsage(t0);
        // The first two rounds warm up.
        if (round >= 2) (us[name] ??= []).push([(t.user + t.system) / calls / 500, ((ticks(pid) - b0) * 10_000) / calls / 500]);
      }
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    for (const [name, xs] of Object.entries(us)) {
      console.log(`${name.padEnd(20)} this process ${median(xs.map((x) => x[0])).toFixed(3)} µs/tp, PostgreSQL ${median(xs.map((x) => x[1])).toFixed(2)} µs/tp`);
    }
  } finally {
    await c.end();
    await db.stop();
  }
}

void main();
