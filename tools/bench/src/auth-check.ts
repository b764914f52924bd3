import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Database, findUserAccess } from '@qihe/data';
import { startBenchGateway } from './gateway';
import { benchOrg, EXEC } from './org';
import { startBenchDatabase } from './pg';
import { ms, perSec, table, type Row } from './report';
import { gql, login } from './scores';
import { latency, type Latency } from './stats';

// What checking a user token against the stored user costs (token revocation:
// one primary-key read of app_user per request, no cache), on the durable
// bench PostgreSQL:
//   node dist/tools/bench/src/auth-check.js [--seconds 10] [--concurrency 16] [--gateway <another build's main.js>]
// 1. the read alone, through the gateway's Database (pool of 10), one at a time and 16 at once;
// 2. a whole cheap request (`{ me { role } }`) with a user token and with a site key (cached: no read), end to end.
// --gateway runs part 2 against another build (e.g. main before revocation) for a before/after.

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '16' },
    reads: { type: 'string', default: '5000' },
    gateway: { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const READS = Number(args.reads);

const elapsedMs = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

/** Runs `fn` from `width` loops at once until `seconds` pass; every call's latency and the rate. */
async function saturate(width: number, seconds: number, fn: () => Promise<unknown>): Promise<{ lat: Latency; rate: number }> {
  const times: number[] = [];
  const end = Date.now() + seconds * 1000;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        await fn();
        times.push(elapsedMs(t));
      }
    }),
  );
  return { lat: latency(times), rate: times.length / (elapsedMs(t0) / 1000) };
}

async function sequential(n: number, fn: () => Promise<unknown>): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(elapsedMs(t));
  }
  return latency(times);
}

type Lat = (figure: string, l: Latency, how: string) => void;

/** Part 1: the primary-key read alone, through the gateway's own Database. */
async function measureReads(url: string, lat: Lat, rows: Row[]): Promise<void> {
  const db = await Database.open({ url, poolSize: 10, applicationName: 'qihe-auth-check' });
  try {
    await sequential(200, () => findUserAccess(db, EXEC.username)); // warm the pool and the plan
    lat('token check read, 1 at a time', await sequential(READS, () => findUserAccess(db, EXEC.username)), 'findUserAccess through Database');
    const many = await saturate(CONCURRENCY, SECONDS / 2, () => findUserAccess(db, EXEC.username));
    lat(`token check read, ${CONCURRENCY} at once`, many.lat, 'findUserAccess through Database, pool 10');
    rows.push({ figure: `token check reads/s, ${CONCURRENCY} at once`, value: perSec(many.rate), how: 'one PostgreSQL, 2 cores shared' });
  } finally {
    await db.close();
  }
}

/** Part 2: a cheap request end to end, with a user token and with a (cached) site key. */
async function measureRequests(url: string, siteKey: string, lat: Lat, rows: Row[]): Promise<void> {
  const token = await login(url, EXEC.username, EXEC.password);
  const me = (t: string) => () => gql(url, t, '{ me { role } }');
  for (const [who, t] of [['user token', token], ['site key (cached)', siteKey]] as const) {
    await sequential(200, me(t));
    lat(`{ me } with a ${who}, 1 at a time`, await sequential(2000, me(t)), `${args.gateway ? 'other build' : 'this build'}, HTTP end to end`);
    const r = await saturate(CONCURRENCY, SECONDS, me(t));
    lat(`{ me } with a ${who}, ${CONCURRENCY} at once`, r.lat, `${SECONDS} s`);
    rows.push({ figure: `{ me } with a ${who}, requests/s`, value: perSec(r.rate), how: `${CONCURRENCY} at once, ${SECONDS} s` });
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qihe-auth-check-'));
  const pg = await startBenchDatabase();
  const rows: Row[] = [];
  const lat: Lat = (figure, l, how) => {
    rows.push({ figure: `${figure} p50`, value: ms(l.p50Ms), how: `${how}, n=${l.n}` });
    rows.push({ figure: `${figure} p99`, value: ms(l.p99Ms), how: `${how}, n=${l.n}` });
  };
  try {
    const org = benchOrg(dir);
    const gw = await startBenchGateway({ databaseUrl: pg.url, seedFile: org.file, main: args.gateway ? resolve(args.gateway) : undefined });
    try {
      // Another build's schema may have no token_version: part 1 is this build's only.
      if (!args.gateway) await measureReads(pg.url, lat, rows);
      await measureRequests(gw.url, org.seed.sites[0].key, lat, rows);
    } finally {
      await gw.stop();
    }
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(table(rows));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
