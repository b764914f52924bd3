import fc from 'fast-check';
import { COUNTER_KEYS, countTouchpoint, factsOf, sliceValuesOf } from '@qihe/domain';
import {
  addToRollups,
  applyRollupDeltas,
  boolArray,
  claimSortedKeys,
  boolColumn,
  Database,
  dayOf,
  ensurePartitions,
  insertNewTouchpoints,
  insertParams,
  insertWithRepeats,
  partitionsOf,
  numberArray,
  numberColumn,
  rebuildRollups,
  RollupDeltas,
  sortedById,
  sortedOnly,
  textArray,
  textColumn,
  upsertUnits,
  type NewTouchpoint,
  type Sql,
} from '@qihe/data';
import { createTestDatabase } from '../support/test-database';
import { TREE, UNITS, variedRecord as record } from '../support/varied-records';

// Storage on a real PostgreSQL: hand-built array literals survive any text,
// rollup rows are written in one global lock order, and the recount gives the
// same counters however the table is ordered and however it has to proceed.

interface StorageFixture {
  db: Database;
  close(): Promise<void>;
}

async function storageFixture(): Promise<StorageFixture> {
  const target = await createTestDatabase();
  const db = await Database.open({ url: target.url, poolSize: 4 });
  await db.migrate();
  await upsertUnits(db, UNITS);
  return {
    db,
    close: async () => {
      await db.close();
      await target.drop();
    },
  };
}

/** Every rollup row as text, in key order. */
async function rollupSnapshot(db: Database): Promise<string[]> {
  const hours = await db.query<{ j: string }>(`SELECT row_to_json(r)::text AS j FROM rollup_hour r ORDER BY unit_id, dim, hour, val`);
  const days = await db.query<{ j: string }>(`SELECT row_to_json(r)::text AS j FROM rollup_day r ORDER BY unit_id, day`);
  const minutes = await db.query<{ j: string }>(`SELECT row_to_json(r)::text AS j FROM rollup_minute r ORDER BY unit_id, minute`);
  return [...hours, ...days, ...minutes].map((r) => r.j);
}

let fx: StorageFixture;
beforeAll(async () => {
  fx = await storageFixture();
});
afterAll(async () => {
  await fx.close();
});

describe('server sessions', () => {
  it('run without JIT and without parallel workers, on every pooled connection', async () => {
    // Four at once: each takes its own connection from the pool of four.
    const settings = await Promise.all(
      [0, 1, 2, 3].map(() =>
        fx.db.transaction((tx) => tx.query<{ jit: string; w: string }>(`SELECT current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS w, pg_sleep(0.05)`)),
      ),
    );
    expect(settings.map(([r]) => [r.jit, r.w])).toEqual([0, 1, 2, 3].map(() => ['off', '0']));
  });

  it('stay open while idle: the server processes that answered go on answering after more than 10 s without a call', async () => {
    // node-postgres closes an idle connection after 10 s unless told otherwise, and a new server process plans its
    // first statements on cold catalogue caches (poolOptions). Four at once open four connections; after the pause
    // every one of them is still there.
    const pids = async (): Promise<number[]> =>
      (
        await fx.db.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'qihe' ORDER BY pid`,
        )
      ).map((r) => r.pid);
    await Promise.all([0, 1, 2, 3].map(() => fx.db.transaction((tx) => tx.query(`SELECT pg_sleep(0.05)`))));
    const before = await pids();
    expect(before).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 11_000));
    expect(await pids()).toEqual(before);
  }, 30_000);
});

describe('array literals', () => {
  it('carry any text (quotes, backslashes, braces, commas, "NULL", blanks, unicode) and NULL unchanged', async () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', ' ', 'NULL', 'null', '"', '\\', '{a,b}', 'a, b', '\\"', '契合 👍'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(text.filter((s) => !s.includes('\u0000')), { nil: null }), { maxLength: 20 }), async (values) => {
        const [row] = await fx.db.query<{ a: (string | null)[] }>(`SELECT $1::text[] AS a`, [textArray(values)]);
        expect(row.a).toEqual(values);
        // The column form reads the same values out of rows: the same literal.
        expect(textColumn(values.map((v) => ({ v })), (r) => r.v)).toBe(textArray(values));
      }),
      { numRuns: 200 },
    );
  });

  it('carry plain columns with one null or value to escape anywhere (the joined form and its quoted fallback)', async () => {
    const odd = fc.constantFrom(null, '"', '\\', 'a"b', '{"x"}', 'NULL', '', ' ');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.uuid(), fc.string({ minLength: 1 }).filter((s) => !s.includes('\u0000'))), { maxLength: 40 }), fc.nat(), odd, async (plain, at, v) => {
        const values: (string | null)[] = [...plain];
        values.splice(at % (plain.length + 1), 0, v);
        for (const column of [plain, values]) {
          const [row] = await fx.db.query<{ a: (string | null)[] }>(`SELECT $1::text[] AS a`, [textColumn(column, (x) => x)]);
          expect(row.a).toEqual(column);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('carry integers and booleans', async () => {
    const [row] = await fx.db.query<{ n: string[]; b: (boolean | null)[] }>(`SELECT $1::bigint[]::text[] AS n, $2::boolean[] AS b`, [
      numberArray([0, -5, 9007199254740991, null]),
      boolArray([true, false, null]),
    ]);
    expect(row.n).toEqual(['0', '-5', '9007199254740991', null]);
    expect(row.b).toEqual([true, false, null]);
    expect(() => numberArray([NaN])).toThrow(RangeError);
    const rows = [{ n: 0, b: true }, { n: -5, b: false }, { n: 9007199254740991, b: null }, { n: null, b: null }];
    expect(numberColumn(rows, (r) => r.n)).toBe(numberArray([0, -5, 9007199254740991, null]));
    expect(boolColumn(rows, (r) => r.b)).toBe(boolArray([true, false, null, null]));
    expect(() => numberColumn([{ n: Infinity }], (r) => r.n)).toThrow(RangeError);
  });
});

describe('claim and insert', () => {
  // The insert sends the claim's literals again when the claim took every id (h16c): the same text as its own.
  const items = (n: number, at: number): NewTouchpoint[] =>
    Array.from({ length: n }, (_, i) => ({ record: { ...record(i, at + i * 61_000), needCategory: 'FAULT' }, contentHash: `hash "${i}" \\ ${i % 3}`, perceptionMember: i % 2 ? 'pm' : null }));
  const rollback = new Error('rollback');
  const inTransaction = async (work: (tx: Sql) => Promise<void>): Promise<void> => {
    await expect(
      fx.db.transaction(async (tx) => {
        await work(tx);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  };

  it('claims the new ids (one row of them) and inserts with the same parameters whether the claim took all or some', async () => {
    const at = Date.UTC(2026, 10, 20, 8);
    const stored = items(7, at);
    const fresh = items(30, at + 3_600_000);
    await ensurePartitions(fx.db, partitionsOf([...stored, ...fresh].map((it) => it.record)));
    // Everything below is rolled back: the later tests count every row of the table.
    await inTransaction(async (tx) => {
      // All new: the claim's own SortedTouchpoints goes on, its literals with it.
      const all = sortedById(fresh);
      const claimed = await claimSortedKeys(tx, all, true);
      expect([...claimed].sort()).toEqual(fresh.map((it) => it.record.id).sort());
      const kept = sortedOnly(all, claimed);
      expect(kept).toBe(all);
      expect(kept.literals?.size).toBe(5); // id, unit, time, customer, need: the content hash goes to the key table only
      expect(insertParams(kept, 'site', new Set([fresh[3].record.id]))).toEqual(insertParams(sortedById(fresh), 'site', new Set([fresh[3].record.id])));
      // The insert answers in one row: every id with the receivedAt stored, the repeats as stored.
      const { received, repeats } = await insertWithRepeats(tx, kept, 'site');
      const rows = await tx.query<{ id: string; ms: number; repeat: boolean }>(
        `SELECT id::text AS id, floor(extract(epoch FROM received_at) * 1000)::float8 AS ms, repeat FROM touchpoint WHERE id = ANY($1::uuid[])`,
        [textArray(fresh.map((it) => it.record.id))],
      );
      expect(rows).toHaveLength(fresh.length);
      expect(new Map([...received].sort())).toEqual(new Map(rows.map((r): [string, number] => [r.id, Number(r.ms)]).sort()));
      expect([...repeats].sort()).toEqual(rows.filter((r) => r.repeat).map((r) => r.id).sort());
      expect(repeats.size).toBe(30 - 7); // customers c-0 … c-6, one need: all but each one's first are repeats
    });
    await inTransaction(async (tx) => {
      // Some stored before: a new set without the claim's literals, its parameters as if built alone.
      await insertNewTouchpoints(tx, stored, 'site');
      const mixed = sortedById([...stored.slice(0, 4), ...fresh.slice(0, 9)]);
      const claimed = await claimSortedKeys(tx, mixed);
      expect([...claimed].sort()).toEqual(fresh.slice(0, 9).map((it) => it.record.id).sort());
      const kept = sortedOnly(mixed, claimed);
      expect(kept).not.toBe(mixed);
      expect(kept.literals).toBeUndefined();
      expect(insertParams(kept, null, new Set())).toEqual(insertParams(sortedById(fresh.slice(0, 9)), null, new Set()));
      // Nothing new: an empty set, no row to read ids from.
      expect(await claimSortedKeys(tx, sortedById(stored))).toEqual(new Set());
    });
  });
});

describe('day names', () => {
  it('are the UTC day of the time, remembered or not', () => {
    const plain = (ms: number): string => new Date(Math.floor(ms / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -8.64e15, max: 8.64e15 - 86_400_000 }), { maxLength: 50 }), (times) => {
        for (const ms of [...times, ...times]) expect(dayOf(ms)).toBe(plain(ms));
      }),
      { numRuns: 300 },
    );
    expect(() => dayOf(NaN)).toThrow(RangeError);
  });
});

/** Records what a function sends, and passes it on to the database. */
function recording(target: Sql): Sql & { sent: { sql: string; params: unknown[] }[] } {
  const sent: { sql: string; params: unknown[] }[] = [];
  return { sent, query: (sql, params = []) => (sent.push({ sql, params }), target.query(sql, params)) };
}

describe('applyRollupDeltas', () => {
  it('writes rows below the root first and the root last, each depth in key order', async () => {
    const deltas = new RollupDeltas();
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    for (const [i, unit] of ['p3', 'p1', 'b2', 'p2', 'b1'].entries()) {
      const r = record(i, hour + 60_000 * i);
      addToRollups(deltas, TREE.lineage(unit), r.occurredAt.getTime(), sliceValuesOf({ ...r, perceptionMember: null }), countTouchpoint(factsOf(r, Date.now())));
    }
    const sql = recording(fx.db);
    await fx.db.transaction(async (tx) => {
      const rec = recording(tx);
      await applyRollupDeltas(rec, deltas);
      sql.sent.push(...rec.sent);
      throw new Error('rollback');
    }).catch((e: Error) => expect(e.message).toBe('rollback'));
    expect(sql.sent).toHaveLength(1); // hourly, day and minute rows in one statement
    const list = (p: unknown): string[] => (p as string).slice(1, -1).split(',').map((u) => u.replace(/"/g, ''));
    const units = list(sql.sent[0].params[0]);
    const dims = (sql.sent[0].params[2] as string).slice(1, -1).split(',').map(Number);
    const depth = (u: string): number => TREE.lineage(u).length - 1;
    const keys = units.map((u, i) => [depth(u), u, dims[i]] as const);
    const sorted = [...keys].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2]);
    expect(keys).toEqual(sorted);
    expect(units[units.length - 1]).toBe('g');
    // Day rows (after the hourly rows' parameters): the same order, by depth then key.
    const dayUnits = list(sql.sent[0].params[4 + COUNTER_KEYS.length]);
    const dayTimes = list(sql.sent[0].params[5 + COUNTER_KEYS.length]);
    const dayKeys = dayUnits.map((u, i) => [depth(u), u, dayTimes[i]] as const);
    expect(dayUnits.length).toBeGreaterThan(0);
    expect(dayKeys).toEqual([...dayKeys].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[2] < b[2] ? -1 : 1)));
    expect(dayUnits[dayUnits.length - 1]).toBe('g');
  });
});

describe('rebuildRollups', () => {
  const HOUR = 3_600_000;
  const base = Math.floor(Date.now() / HOUR) * HOUR - 40 * HOUR;
  const indexes = (): Promise<{ d: string }[]> =>
    fx.db.query<{ d: string }>(`SELECT indexdef AS d FROM pg_indexes WHERE tablename = 'rollup_hour' ORDER BY indexname`);

  beforeAll(async () => {
    // Mostly in time order, with stragglers hours late and a tail in random order: every path of the recount.
    const times: number[] = [];
    for (let i = 0; i < 1500; i++) times.push(base + i * 90_000);
    for (let i = 0; i < 200; i++) times.push(base + ((i * 7919) % 40) * HOUR + i * 1000);
    for (let i = 0; i < 60; i++) times.push(Date.now() - i * 90_000); // the last hour: minute rollups too
    const records = times.map((t, i) => record(i, t));
    // Slice values with what COPY's text format must escape.
    for (const [i, region] of ['tab\there', 'new\nline\r', 'back\\slash\\N'].entries()) records.push({ ...record(i, base + i * 3_600_000), region });
    // Counters past 2^32 in one row (three handle times of 2e9 s in one unit and hour): COPY's int64 must carry them.
    for (let i = 0; i < 3; i++) {
      const r = record(5, base + 7 * 3_600_000 + i * 1000);
      records.push({ ...r, service: r.service && { ...r.service, handleSeconds: 2_000_000_000 } });
    }
    for (let i = 0; i < records.length; i += 100) {
      await ensurePartitions(fx.db, partitionsOf(records.slice(i, i + 100)));
      await insertNewTouchpoints(fx.db, records.slice(i, i + 100).map((r) => ({ record: r, contentHash: 'h' })), 'site');
    }
  });

  it('gives the same counters with any window, page size and straggler limit, and puts the indexes back', async () => {
    const before = await indexes();
    const snapshots: string[][] = [];
    const held: number[] = [];
    // Read as stored (not in time order): stragglers take the held-back and the upsert paths.
    const tight = { order: 'stored' as const, pageSize: 37, windowHours: 0, flushRows: 100, lateRows: 300, onHeldBack: (n: number) => held.push(n) };
    for (const opts of [{}, { order: 'stored' as const, pageSize: 50, windowHours: 1, flushRows: 200, lateRows: 1_000_000 }, tight]) {
      const n = await fx.db.transaction((tx) => rebuildRollups(tx, (id) => TREE.lineage(id), opts));
      expect(n).toBe(1766);
      snapshots.push(await rollupSnapshot(fx.db));
      expect(await indexes()).toEqual(before);
    }
    expect(snapshots[0].length).toBeGreaterThan(100);
    expect(snapshots[1]).toEqual(snapshots[0]);
    expect(snapshots[2]).toEqual(snapshots[0]);
    // Past the straggler limit (300 rows) the recount upserts everything: it holds nothing back any more.
    const switched = held.findIndex((n, i) => i > 0 && n === 0 && held[i - 1] > 0);
    expect(switched).toBeGreaterThan(0);
    expect(held.slice(switched)).toEqual(held.slice(switched).map(() => 0));
    expect(Math.max(...held)).toBeLessThanOrEqual(300);
  });

  it('reads in time order: nothing is held back even with no window, and the pages it packs leave the fillfactor as it was', async () => {
    const fillfactor = async (): Promise<unknown> => (await fx.db.query<{ o: unknown }>(`SELECT reloptions AS o FROM pg_class WHERE oid = 'rollup_hour'::regclass`))[0].o;
    await fx.db.transaction((tx) => rebuildRollups(tx, (id) => TREE.lineage(id), { order: 'stored' }));
    const stored = await rollupSnapshot(fx.db);
    const before = await fillfactor();
    const held: number[] = [];
    await fx.db.transaction((tx) => rebuildRollups(tx, (id) => TREE.lineage(id), { pageSize: 37, windowHours: 0, flushRows: 100, lateRows: 300, onHeldBack: (n) => held.push(n) }));
    expect(held.length).toBeGreaterThan(40);
    expect(Math.max(...held)).toBe(0);
    expect(await rollupSnapshot(fx.db)).toEqual(stored);
    expect(await fillfactor()).toEqual(before);
  });

  it('equals the counters of the touchpoints added up in one go', async () => {
    await fx.db.transaction((tx) => rebuildRollups(tx, (id) => TREE.lineage(id), { pageSize: 64, windowHours: 2, flushRows: 500 }));
    const rebuilt = await rollupSnapshot(fx.db);
    const rows = await fx.db.query<{ unit_id: string; occurred_ms: number; received_ms: number } & Record<string, unknown>>(
      `SELECT *, floor(extract(epoch FROM occurred_at) * 1000)::float8 AS occurred_ms, floor(extract(epoch FROM received_at) * 1000)::float8 AS received_ms FROM touchpoint`,
    );
    const deltas = new RollupDeltas();
    for (const r of rows) {
      const counters = countTouchpoint({
        needCategory: r.need_category as never,
        channel: r.channel as never,
        repeat: r.repeat === true,
        service: r.served
          ? {
              handleSeconds: Number(r.handle_seconds ?? 0),
              resolved: r.resolved === true,
              firstContact: r.first_contact === true,
              knowledgeRefs: (r.knowledge_refs as string[]).length,
              knowledgeCreated: r.knowledge_created === true,
              handoff: r.handoff_unit_id !== null,
              commitmentMet: r.commitment_code === null ? null : r.commitment_met === true,
            }
          : null,
        score: r.satisfaction_score === null ? null : Number(r.satisfaction_score),
        linked: r.contract_id !== null || r.product_id !== null,
        occurredAt: Number(r.occurred_ms),
        receivedAt: Number(r.received_ms),
      });
      const slices = sliceValuesOf({ channel: String(r.channel), kind: String(r.kind), stage: String(r.stage), region: r.region as string | null, industry: r.industry as string | null, needCategory: String(r.need_category), agentId: r.agent_id as string | null, teamId: r.team_id as string | null, productId: r.product_id as string | null, perceptionMember: (r.perception_member as string | null) ?? null });
      addToRollups(deltas, TREE.lineage(r.unit_id), Number(r.occurred_ms), slices, counters);
    }
    await fx.db.transaction(async (tx) => {
      await tx.query(`TRUNCATE rollup_hour, rollup_day, rollup_minute`);
      await applyRollupDeltas(tx, deltas);
    });
    expect(await rollupSnapshot(fx.db)).toEqual(rebuilt);
  });
});
