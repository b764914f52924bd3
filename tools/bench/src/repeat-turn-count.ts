import { REPEAT_CONTACT_WINDOW_MS, OrgTree, precedes, repeatDelta, sliceValuesOf, type OrgUnitRecord, type RepeatKey } from '@qihe/domain';
import { addToRollups, RollupDeltas } from '@qihe/data';
import type { TouchpointInput } from '@qihe/client';

// The repeat rule replayed without a database (repeat-turns.ts, workload.spec.ts):
// batches arrive in order, `per` batches a transaction; a new touchpoint turns the
// first stored one after it (within 7 days) into a repeat when that one is not one
// yet. Counts what the rule does at ingest and the rollup hour rows it touches.

/** A turning touchpoint is late when it happened more than this before its round was sent. */
const LATE_MS = 15 * 60_000;

export interface RoundTurns {
  touchpoints: number;
  /** New touchpoints that are repeats when inserted. */
  repeatsAtInsert: number;
  /** Stored touchpoints turned into repeats, and of them how many a late touchpoint turned. */
  turned: number;
  turnedByLate: number;
  /** Rollup hour rows the new touchpoints are in, and those the turned ones' counter moves add (per transaction). */
  rows: number;
  movedRows: number;
}

interface Stored extends RepeatKey {
  repeat: boolean;
  input: TouchpointInput;
}

const keyOf = (t: RepeatKey): string => `${t.customerId}\u0000${t.needCategory}`;
const slices = (t: TouchpointInput): ReturnType<typeof sliceValuesOf> =>
  sliceValuesOf({ channel: t.channel, kind: t.kind, stage: t.stage, region: t.region ?? null, industry: t.industry ?? null, needCategory: t.need.category, agentId: t.agentId ?? null, teamId: t.teamId ?? null, productId: t.productId ?? null, perceptionMember: t.perceptionPoint ?? null });

/** The store of one replay: rounds follow each other on it. */
export class RepeatReplay {
  private readonly tree: OrgTree;
  private readonly byKey = new Map<string, Stored[]>();

  constructor(units: readonly OrgUnitRecord[]) {
    this.tree = new OrgTree(units);
  }

  /** One round: its batches in arrival order, sent at `sentMs`, `per` batches a transaction. */
  round(batches: readonly TouchpointInput[][], per: number, sentMs: number): RoundTurns {
    const out: RoundTurns = { touchpoints: 0, repeatsAtInsert: 0, turned: 0, turnedByLate: 0, rows: 0, movedRows: 0 };
    for (let g = 0; g < batches.length; g += per) {
      const fresh: Stored[] = batches
        .slice(g, g + per)
        .flat()
        .map((input) => ({ id: input.id, customerId: input.customerId, needCategory: input.need.category, occurredAt: Date.parse(input.occurredAt), repeat: false, input }));
      const deltas = new RollupDeltas();
      for (const t of fresh) this.addRows(deltas, t.input);
      const fresh0 = deltas.hourRowCount;
      // Stored before this transaction: the first of them after a new one, within 7 days, turns when not a repeat yet.
      const turned = new Map<Stored, Stored>(); // turned one → a new one that turns it
      for (const t of fresh) {
        const next = (this.byKey.get(keyOf(t)) ?? [])
          .filter((s) => precedes(t, s) && s.occurredAt - t.occurredAt <= REPEAT_CONTACT_WINDOW_MS)
          .sort((a, b) => (precedes(a, b) ? -1 : 1))[0];
        if (next && !next.repeat && !turned.has(next)) turned.set(next, t);
      }
      for (const t of turned.values()) if (sentMs - t.occurredAt > LATE_MS) out.turnedByLate++;
      for (const t of fresh) this.byKey.set(keyOf(t), [...(this.byKey.get(keyOf(t)) ?? []), t]);
      for (const t of fresh) {
        t.repeat = (this.byKey.get(keyOf(t)) ?? []).some((s) => precedes(s, t) && t.occurredAt - s.occurredAt <= REPEAT_CONTACT_WINDOW_MS);
        if (t.repeat) out.repeatsAtInsert++;
      }
      for (const s of turned.keys()) {
        s.repeat = true;
        this.addRows(deltas, s.input);
      }
      out.touchpoints += fresh.length;
      out.turned += turned.size;
      out.rows += fresh0;
      out.movedRows += deltas.hourRowCount - fresh0;
    }
    return out;
  }

  private addRows(d: RollupDeltas, t: TouchpointInput): void {
    addToRollups(d, this.tree.lineage(t.unitId), Date.parse(t.occurredAt), slices(t), repeatDelta(), 0);
  }
}
