import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { NewTouchpoint, Sql } from '@qihe/data';
import { compareAlternating, encodeAsDriver } from './alternating-cost';

// The claim's arrays and the insert's parameters of a batch whose ids are all
// new (issue 16, h16c: the insert takes the claim's literals again), two
// builds in one process, alternating, for 40 batches of 500; every literal is
// encoded as node-postgres does (Buffer.byteLength + write). The claim goes to
// a stand-in that only answers "all claimed", in either build's form (a row
// per id, and the ids as one text in the first row): no database here — its
// answer's cost is answer-rows-cost.js's. It first requires both builds to
// send the same parameters.
// `node dist/tools/bench/src/claim-insert-cost.js <snapshot dir of the other build> [rounds]`

type Data = typeof import('@qihe/data');

const record = (b: number, i: number): NewTouchpoint => {
  const at = Date.UTC(2026, 11, 1) + (b * 500 + i) * 61_000;
  return {
    record: {
      id: randomUUID(),
      unitId: `project-${i % 480}`,
      customerId: `cust-${i % 3000}`,
      industry: 'Energy',
      region: 'East',
      contractId: `ct-${i}`,
      productId: null,
      teamId: `team-${i % 10}`,
      agentId: `agent-${i % 50}`,
      channel: 'PHONE',
      kind: 'SERVICE',
      stage: 'AFTER_SALE',
      occurredAt: new Date(at),
      needCategory: 'CONSULTATION',
      needDescription: i % 2 ? `customer needs help with order ${i}` : null,
      service: i % 4
        ? { action: 'RESOLVE', handleSeconds: 60, resolved: true, firstContact: true, knowledgeRefs: ['kb-1'], knowledgeCreated: false, handoffUnitId: null, commitment: null, servedAt: new Date(at + 60_000) }
        : null,
      satisfaction: null,
      perceptionPoint: null,
    },
    contentHash: createHash('sha256').update(String(i)).digest('base64'),
    perceptionMember: null,
    clockOffsetMs: null,
  };
};

const encode = encodeAsDriver;

function claimAll(sent: unknown[][]): Sql {
  return {
    query: <T>(_text: string, params?: unknown[]): Promise<T[]> => {
      const p = params ?? [];
      sent.push(p);
      encode(p);
      const ids = (p[0] as string).slice(2, -2).split('","');
      const rows: Record<string, string>[] = ids.map((id) => ({ id }));
      rows[0].ids = ids.join(',');
      return Promise.resolve(rows as T[]);
    },
  } as Sql;
}

async function run(d: Data, batches: readonly NewTouchpoint[][], sent: unknown[][] = []): Promise<void> {
  const sql = claimAll(sent);
  for (const items of batches) {
    const s = d.sortedById(items);
    const params = d.insertParams(d.sortedOnly(s, await d.claimSortedKeys(sql, s, true)), null, new Set());
    sent.push(params);
    encode(params);
  }
}

async function main(): Promise<void> {
  const other = process.argv[2];
  if (!other) throw new Error('usage: claim-insert-cost.js <snapshot dir> [rounds]');
  const rounds = Number(process.argv[3] ?? 12);
  const builds: Record<string, Data> = { other: require(resolve(other, 'dist/libs/data/src/index.js')) as Data, this: require('@qihe/data') as Data };
  const batches = Array.from({ length: 40 }, (_, b) => Array.from({ length: 500 }, (_, i) => record(b, i)));
  const a: unknown[][] = [];
  const b: unknown[][] = [];
  await run(builds.other, batches.slice(0, 2), a);
  await run(builds.this, batches.slice(0, 2), b);
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('the two builds send different parameters');
  await compareAlternating(rounds, 20_000, (k) => run(builds[k], batches));
}

void main();
