import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPEAT_CONTACT_WINDOW_MS, OrgTree, precedes, repeatDelta, sliceValuesOf, type RepeatKey } from '@qihe/domain';
import { addToRollups, RollupDeltas } from '@qihe/data';
import type { TouchpointInput } from '@qihe/client';
import { TouchpointGenerator } from '../../traffic/src/generator';
import { routeUnitsToSites } from '../../traffic/src/traffic';
import { benchOrg } from './org';
import { planBatches } from './workload';

// How often the repeat rule turns a stored touchpoint into a repeat (a late
// earlier one arrives after it), without a database: rounds of the A/B's plan
// arriving in batch order, transactions of `--per` batches of 500. Prints the
// turned ones per 10,000 and the rollup hour rows their counter moves add.
// With `--tps N` the generator's clock moves as it would at N touchpoints a
// second (the traffic tool's default is 50); without, one clock per round, as
// the bench plans (docs/PERFORMANCE.md, "Issue 13's repeat-rule budget").
//
//   node dist/tools/bench/src/repeat-turns.js [--tps 50] [--per 2] [--rounds 3]

interface Stored extends RepeatKey {
  repeat: boolean;
  input: TouchpointInput;
}

const { values: args } = parseArgs({ options: { tps: { type: 'string' }, per: { type: 'string', default: '2' }, rounds: { type: 'string', default: '3' } } });
const org = benchOrg(mkdtempSync(join(tmpdir(), 'qihe-repeat-turns-')));
const tree = new OrgTree(org.seed.units);
const per = Number(args.per);

function plan(round: number): TouchpointInput[][] {
  const seed = `bench-ab-${round}-0`;
  if (!args.tps) return planBatches(org.seed, { total: 10_000, batchSize: 500, seed }).map((b) => b.items);
  const routes = routeUnitsToSites(org.seed.units, org.seed.sites);
  const units = [...routes.values()].flat();
  const generator = new TouchpointGenerator({ seed, units: org.seed.units, activeUnitIds: units });
  let now = Date.now();
  return Array.from({ length: 20 }, () =>
    Array.from({ length: 500 }, () => {
      now += 1000 / Number(args.tps);
      return generator.next(now, units).input;
    }),
  );
}

const slices = (t: TouchpointInput): ReturnType<typeof sliceValuesOf> =>
  sliceValuesOf({ channel: t.channel, kind: t.kind, stage: t.stage, region: t.region ?? null, industry: t.industry ?? null, needCategory: t.need.category, agentId: t.agentId ?? null, teamId: t.teamId ?? null, productId: t.productId ?? null, perceptionMember: t.perceptionPoint ?? null });
const addRows = (d: RollupDeltas, t: TouchpointInput): void => addToRollups(d, tree.lineage(t.unitId), Date.parse(t.occurredAt), slices(t), repeatDelta(), 0);

const byKey = new Map<string, Stored[]>();
for (let round = 0; round < Number(args.rounds); round++) {
  let turned = 0;
  let rows = 0;
  let moved = 0;
  const batches = plan(round);
  for (let g = 0; g < batches.length; g += per) {
    const fresh: Stored[] = batches.slice(g, g + per).flat().map((input) => ({ id: input.id, customerId: input.customerId, needCategory: input.need.category, occurredAt: Date.parse(input.occurredAt), repeat: false, input }));
    const deltas = new RollupDeltas();
    for (const t of fresh) addRows(deltas, t.input);
    const fresh0 = deltas.hourRowCount;
    // Stored before this transaction: the first of them after a new one, within 7 days, turns when it is not a repeat yet.
    const turnedNow = new Set<Stored>();
    for (const t of fresh) {
      const next = (byKey.get(`${t.customerId}\u0000${t.needCategory}`) ?? [])
        .filter((s) => precedes(t, s) && s.occurredAt - t.occurredAt <= REPEAT_CONTACT_WINDOW_MS)
        .sort((a, b) => (precedes(a, b) ? -1 : 1))[0];
      if (next && !next.repeat) turnedNow.add(next);
    }
    for (const t of fresh) {
      const key = `${t.customerId}\u0000${t.needCategory}`;
      byKey.set(key, [...(byKey.get(key) ?? []), t]);
    }
    for (const t of fresh) {
      t.repeat = (byKey.get(`${t.customerId}\u0000${t.needCategory}`) ?? []).some((s) => precedes(s, t) && t.occurredAt - s.occurredAt <= REPEAT_CONTACT_WINDOW_MS);
    }
    for (const s of turnedNow) {
      s.repeat = true;
      addRows(deltas, s.input);
    }
    turned += turnedNow.size;
    rows += fresh0;
    moved += deltas.hourRowCount - fresh0;
  }
  const n = batches.reduce((x, b) => x + b.length, 0);
  console.log(
    `round ${round + 1}: ${n} touchpoints, ${turned} stored ones turned (${Math.round((turned * 10_000) / n)} per 10,000); rollup hour rows ${(rows / n).toFixed(3)}/tp, the moves add ${(moved / n).toFixed(3)}/tp (${turned ? (moved / turned).toFixed(1) : 0} per turned)`,
  );
}
