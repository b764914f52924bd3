import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { NewTouchpoint } from '@qihe/data';
import { compareAlternating, encodeAsDriver } from './alternating-cost';

// SQL building alone (issue 16, h16b), two builds in one process so a shared
// machine's noise falls on both alike: the insert's parameters (insertParams),
// the claim's five arrays (key days included), partitionsOf, and every literal
// encoded as node-postgres does (Buffer.byteLength + write), for 40 batches
// of 500 records shaped like the bench's; CPU from process.cpuUsage.
// `node dist/tools/bench/src/sql-building-cost.js <snapshot dir of the other build> [rounds]`
// (the snapshot from tools/bench/snapshot-build.sh; "this" is this checkout's build).

type Data = typeof import('@qihe/data');

const CHANNELS = ['PHONE', 'EMAIL', 'WEB', 'APP', 'SOCIAL'] as const;
const NEEDS = ['CONSULTATION', 'COMPLAINT', 'PURCHASE', 'RENEWAL', 'FAULT'] as const;
const uuid7 = (ms: number): string => {
  const h = ms.toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8)}-7${randomUUID().slice(15)}`;
};

function item(i: number): NewTouchpoint {
  const at = Date.UTC(2026, 11, 1) + i * 61_000;
  return {
    record: {
      id: uuid7(at),
      unitId: `unit-${i % 40}`,
      customerId: `cust-${i % 3000}`,
      industry: i % 6 ? 'Energy' : null,
      region: i % 9 ? 'East' : null,
      contractId: i % 3 ? `ct-${i}` : null,
      productId: null,
      teamId: `team-${i % 10}`,
      agentId: `agent-${i % 50}`,
      channel: CHANNELS[i % 5],
      kind: 'SERVICE',
      stage: 'AFTER_SALE',
      occurredAt: new Date(at),
      needCategory: NEEDS[i % 5],
      needDescription: i % 2 ? `customer needs help with order ${i}` : null,
      service:
        i % 4
          ? {
              action: 'RESOLVE',
              handleSeconds: 60 + (i % 900),
              resolved: i % 3 !== 0,
              firstContact: i % 2 === 0,
              knowledgeRefs: i % 5 ? [`kb-${i % 4}`] : [],
              knowledgeCreated: i % 11 === 0,
              handoffUnitId: i % 13 ? null : 'unit-2',
              commitment: i % 4 === 1 ? { code: 'CB', met: i % 8 === 1 } : null,
              servedAt: new Date(at + 60_000),
            }
          : null,
      satisfaction: i % 3 === 1 ? { score: 1 + (i % 5), comment: i % 2 ? 'fine' : null } : null,
      perceptionPoint: null,
    },
    contentHash: createHash('sha256').update(String(i)).digest('base64url'),
    perceptionMember: null,
    clockOffsetMs: null,
  };
}

const send = encodeAsDriver;

function run(d: Data, batches: readonly NewTouchpoint[][]): void {
  for (const items of batches) {
    const s = d.sortedById(items);
    send(d.insertParams(s, 'site-1', new Set()));
    send([
      d.textColumn(s.items, (it) => it.record.id),
      d.textColumn(s.items, (it) => d.keyDayOf(it.record.id)),
      d.textColumn(s.items, (it) => it.record.unitId),
      d.textArray(s.at),
      d.textColumn(s.items, (it) => it.contentHash),
    ]);
    for (const p of d.partitionsOf(s.items.map((it) => it.record))) if (!p) throw new Error('no partition');
  }
}

function main(): void {
  const other = process.argv[2];
  if (!other) throw new Error('usage: sql-building-cost.js <snapshot dir> [rounds]');
  const rounds = Number(process.argv[3] ?? 12);
  const builds: Record<string, Data> = { other: require(resolve(other, 'dist/libs/data/src/index.js')) as Data, this: require('@qihe/data') as Data };
  const batches = Array.from({ length: 40 }, (_, b) => Array.from({ length: 500 }, (_, k) => item(b * 500 + k)));
  const a = builds.other.insertParams(builds.other.sortedById(batches[0]), 's', new Set());
  const b = builds.this.insertParams(builds.this.sortedById(batches[0]), 's', new Set());
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('the two builds make different parameters');
  void compareAlternating(rounds, 20_000, (k) => run(builds[k], batches));
}

main();
