import { Logger } from '@nestjs/common';
import {
  addCustomerContacts,
  touchCustomers,
  addToRollups,
  applyRollupDeltas,
  applyStatDeltas,
  insertNodes,
  StatDeltas,
  contentHashes,
  findTouchpointsForUpdate,
  RollupDeltas,
  setSatisfactions,
  storeTouchpoints,
  type Database,
  type NewTouchpoint,
  type Sql,
  type StoredTouchpoint,
  withPartitions,
  findTouchpointKeys,
  tooOldReason,
} from '@qihe/data';
import {
  addCounters,
  canRate,
  countTouchpoint,
  factsOf,
  isoOf,
  judgeRating,
  ratingConflictMessage,
  ratingDelta,
  RefusalCode,
  repeatDelta,
  settleTree,
  sliceValuesOf,
  sliceValuesWith,
  startTree,
  type Caller,
  type CommitmentCatalogue,
  type CommitmentNode,
  type OrgTree,
} from '@qihe/domain';
import type { FeedBus, TouchpointEvent } from '../core/feed-bus';
import { countSettled, keptCounters, newNodeId } from '../commitments/commitment-writes';
import { followUpRatings } from '../follow-ups/follow-up-writes';

// Group commit: the write work of concurrent calls (batches and late ratings)
// runs in one transaction at a time, several calls per transaction. Calls of
// one gateway then never wait on each other's row locks — every batch adds to
// the same root and business-unit rollup rows, and a transaction that held
// them across the event loop's pauses made all others wait — and one commit,
// one insert and one rollup upsert serve them all. Each call's outcome is what
// it would have been had the calls run one after the other in arrival order.
// When a shared transaction fails, each call is retried alone, so one call's
// failure is never another's; one ended by a deadlock or a serialization
// failure is first tried again as it was (runRetrying).
//
// Several shared transactions may be in flight at once (`transactions`,
// QIHE_WRITE_TRANSACTIONS): while one waits for PostgreSQL — its statements,
// its commit's flush — the next one's statements run on the other core. A
// batch's work is mostly PostgreSQL's and ran one transaction at a time, so
// half of a two-core machine stayed idle under ingest. They may overlap only
// where the outcome is still that of arrival order:
// - a group starts beside the ones in flight only when none of the ids it
//   stores or rates is among theirs: a re-send of a batch still in flight waits
//   for it, so it is judged a duplicate of what that one stored, never the other
//   way round; a rating of a touchpoint in flight waits until it is stored (a
//   rating sees committed touchpoints only), and one of a touchpoint not in
//   flight finds it stored or not, as it would after them;
// - each group's calls are answered, and their feed events sent, in order.
// Two transactions in flight meet like those of two replicas: the repeat rule's
// advisory locks order the same customer and need, rollup rows are locked in
// one global order (rollup-write.repository.ts), and the later one's upsert
// waits for the earlier one's commit.

export interface Candidate extends NewTouchpoint {
  index: number;
}

export interface RecordJob {
  kind: 'record';
  /** First copy of each id in the batch, in batch order. */
  candidates: Candidate[];
  /** Further copies of an id already in `candidates`. */
  laterCopies: Candidate[];
  siteId: string | null;
}
export interface RecordOutcome {
  accepted: number;
  duplicates: number;
  conflicts: Candidate[];
}

/** One rating of a rate job: `index` is its place in the caller's list. */
export interface RateItem {
  index: number;
  /** Lower-case id, and the id as the caller wrote it (for messages). */
  id: string;
  rawId: string;
  score: number;
  comment: string | null;
}
export interface RateJob {
  kind: 'rate';
  caller: Caller;
  /** In the caller's order: a later rating of the same touchpoint is judged against an earlier one. */
  items: RateItem[];
}
/** What became of one rating: newly counted, already stored alike, or refused (`field` is the one the message names). */
export type RateItemOutcome =
  | { index: number; status: 'RATED' | 'UNCHANGED'; touchpoint: StoredTouchpoint }
  | {
      index: number;
      status: typeof RefusalCode.NOT_FOUND | typeof RefusalCode.FORBIDDEN_UNIT | typeof RefusalCode.CONFLICT | typeof RefusalCode.TOO_OLD;
      field: string;
      message: string;
    };

type Job = RecordJob | RateJob;
type Outcome<J extends Job> = J extends RecordJob ? RecordOutcome : RateItemOutcome[];

interface Pending {
  job: Job;
  weight: number;
  resolve: (v: RecordOutcome | RateItemOutcome[]) => void;
  reject: (e: unknown) => void;
}

interface Done {
  result?: RecordOutcome | RateItemOutcome[];
  events: TouchpointEvent[];
  touched: string[];
}

/** What one shared transaction writes besides the touchpoints themselves. */
interface Writes {
  deltas: RollupDeltas;
  stats: StatDeltas;
  nodes: CommitmentNode[];
  ratings: { touchpointId: string; unitId: string; customerId: string; occurredAt: number; score: number }[];
}

/** At most this many touchpoints and ratings per shared transaction. */
const MAX_GROUP_WEIGHT = 5000;

/** A shared transaction in flight: the ids its calls store or rate. */
interface Flight {
  ids: ReadonlySet<string>;
}

export class GroupCommit {
  private readonly log = new Logger('GroupCommit');
  private readonly queue: Pending[] = [];
  private readonly flights = new Set<Flight>();
  /** Settles after the last started group has answered its calls: the next one answers after it. */
  private answered: Promise<void> = Promise.resolve();
  private readonly transactions: number;

  constructor(
    private readonly db: Database,
    private readonly tree: () => OrgTree,
    private readonly feed: FeedBus,
    private readonly catalogue: () => CommitmentCatalogue,
    /** Told of each shared transaction that committed: calls, items, seconds (metrics). */
    private readonly committed: (calls: number, items: number, seconds: number) => void = () => undefined,
    /** The retention horizon now (null: everything is kept): a rating of a touchpoint beyond it is TOO_OLD. */
    private readonly horizon: () => number | null = () => null,
    /** Shared transactions in flight at once, at most (the embedded database runs one at a time anyway). */
    transactions = 1,
  ) {
    this.transactions = db.embedded ? 1 : Math.max(1, transactions);
  }

  submit<J extends Job>(job: J): Promise<Outcome<J>> {
    return new Promise<Outcome<J>>((resolve, reject) => {
      const weight = Math.max(1, job.kind === 'record' ? job.candidates.length + job.laterCopies.length : job.items.length);
      this.queue.push({ job, weight, resolve: resolve as Pending['resolve'], reject });
      this.start();
    });
  }

  /** Starts the queue's next groups while a transaction may start (see the top of this file); the rest wait for a flight to end. */
  private start(): void {
    while (this.queue.length && this.flights.size < this.transactions) {
      const n = this.startable();
      if (n === 0) return;
      const group = this.queue.splice(0, n);
      const flight: Flight = { ids: idsOf(group) };
      this.flights.add(flight);
      this.answered = this.write(group, flight, this.answered);
    }
  }

  /** How many calls from the queue's head the next group takes now (0: the head waits for the flights). */
  private startable(): number {
    const alone = this.flights.size === 0;
    let weight = 0;
    let n = 0;
    while (n < this.queue.length) {
      const p = this.queue[n];
      if (n > 0 && weight + p.weight > MAX_GROUP_WEIGHT) break;
      if (!alone && this.overlaps(p.job)) break;
      weight += p.weight;
      n++;
    }
    return n;
  }

  private overlaps(job: Job): boolean {
    for (const f of this.flights) for (const id of idsOfJob(job)) if (f.ids.has(id)) return true;
    return false;
  }

  /**
   * One group's transaction (each call alone again when it fails); once it is over the next groups may start, and
   * its calls are answered after the group before it. Never rejects.
   */
  private async write(group: Pending[], flight: Flight, before: Promise<void>): Promise<void> {
    const answers: (() => void)[] = [];
    try {
      const started = performance.now();
      const done = await this.runRetrying(group.map((p) => p.job));
      this.committed(group.length, group.reduce((sum, p) => sum + p.weight, 0), (performance.now() - started) / 1000);
      group.forEach((p, i) => answers.push(() => this.settle(p, done[i])));
    } catch (err) {
      if (group.length > 1) this.log.warn(`a shared write of ${group.length} calls failed (${(err as Error).message}); retrying each alone`);
      for (const p of group) {
        try {
          const [done] = await this.runRetrying([p.job]);
          answers.push(() => this.settle(p, done));
        } catch (alone) {
          answers.push(() => p.reject(alone));
        }
      }
    }
    this.flights.delete(flight);
    this.start();
    await before;
    for (const answer of answers) answer();
  }

  private settle(p: Pending, d: Done): void {
    this.feed.committed(d.events, d.touched);
    p.resolve(d.result as RecordOutcome | RateItemOutcome[]);
  }

  /**
   * run(), again when PostgreSQL ends the transaction for a deadlock or a
   * serialization failure (40P01, 40001): nothing of it was written, and the
   * same work may commit next time (two transactions in flight, or two
   * replicas, meet on the repeat rule's locks and the shared rollup rows). Up
   * to TRANSIENT_RETRIES times, after a short jittered pause; any other error,
   * or the last one, goes to the caller.
   */
  private async runRetrying(jobs: Job[]): Promise<Done[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.run(jobs);
      } catch (err) {
        const code = transientCode(err);
        if (!code || attempt > TRANSIENT_RETRIES) throw err;
        this.log.warn(`a write of ${jobs.length} call(s) was ended by ${code === '40P01' ? 'a deadlock' : 'a serialization failure'} (${code}); retry ${attempt} of ${TRANSIENT_RETRIES}`);
        await new Promise((r) => setTimeout(r, (5 + Math.random() * 15) * 2 ** (attempt - 1)));
      }
    }
  }

  /** One transaction for all `jobs`; resolves after commit with each job's outcome. */
  private run(jobs: Job[]): Promise<Done[]> {
    const tree = this.tree();
    const stored = jobs.flatMap((j) => (j.kind === 'record' ? j.candidates.map((c) => c.record) : []));
    return withPartitions(this.db, stored, () => this.db.transaction(async (tx) => {
      const w: Writes = { deltas: new RollupDeltas(), stats: new StatDeltas(), nodes: [], ratings: [] };
      const done: Done[] = jobs.map(() => ({ events: [], touched: [] }));
      const records = jobs.map((j, i) => [j, i] as const).filter((x): x is readonly [RecordJob, number] => x[0].kind === 'record');
      const rates = jobs.map((j, i) => [j, i] as const).filter((x): x is readonly [RateJob, number] => x[0].kind === 'rate');
      if (records.length) await this.record(tx, tree, w, records, done);
      if (rates.length) await this.rate(tx, tree, w.deltas, rates, done, w.ratings);
      // Commitment trees started here are stored and counted in this transaction (locks: nodes, counters, rollups).
      await insertNodes(tx, w.nodes);
      await applyStatDeltas(tx, w.stats);
      await applyRollupDeltas(tx, w.deltas);
      await followUpRatings(tx, w.ratings);
      await touchCustomers(tx, rates.length ? w.ratings : []); // late ratings: their customers' risk is looked at again
      return done;
    }));
  }

  private async record(tx: Sql, tree: OrgTree, w: Writes, jobs: readonly (readonly [RecordJob, number])[], done: Done[]): Promise<void> {
    const deltas = w.deltas;
    const catalogue = this.catalogue();
    // The first job (in arrival order) to bring an id inserts it; later ones are judged against it.
    const owner = new Map<string, Candidate>();
    const toInsert: Candidate[] = [];
    for (const [job] of jobs) {
      for (const c of job.candidates) {
        if (owner.has(c.record.id)) continue;
        owner.set(c.record.id, c);
        // The service makes its candidates with their job's site: no copy of each (a spread per touchpoint showed in the profile).
        toInsert.push(c.siteId === job.siteId ? c : { ...c, siteId: job.siteId });
      }
    }
    // New ids only, each with its repeat flag (the rule settled before the insert); stored ones that turn into repeats move their counters.
    const { received: inserted, repeats, turned } = await storeTouchpoints(tx, toInsert, null);
    for (const t of turned) addToRollups(deltas, tree.lineage(t.unitId), t.occurredAt, sliceValuesOf(t), repeatDelta());
    await addCustomerContacts(tx, toInsert.filter((c) => inserted.has(c.record.id)).map((c) => c.record)); // the customer lens's per-customer summary
    const storedHash = await contentHashes(tx, toInsert.filter((c) => !inserted.has(c.record.id)).map((c) => c.record.id));
    for (const c of toInsert) if (inserted.has(c.record.id)) storedHash.set(c.record.id, c.contentHash);
    for (const [job, i] of jobs) {
      const outcome: RecordOutcome = { accepted: 0, duplicates: 0, conflicts: [] };
      const touched = new Set<string>();
      let receivedIso: string | null = null;
      for (const c of job.candidates) {
        const receivedAt = inserted.get(c.record.id);
        if (receivedAt === undefined || owner.get(c.record.id) !== c) continue;
        outcome.accepted++;
        const r = c.record;
        const lineage = tree.lineage(r.unitId);
        const facts = factsOf(r, receivedAt, repeats.has(r.id));
        const commitment = r.service?.commitment ?? null;
        const tracked = catalogue.isTracked(commitment?.code);
        // A tracked promise counts in commitmentKept when it resolves (maybe now, maybe later), not as self-reported.
        if (tracked && facts.service) facts.service.commitmentMet = null;
        const counters = countTouchpoint(facts);
        if (tracked) addCounters(counters, keptCounters(this.startCommitment(catalogue, r, receivedAt, w)));
        addToRollups(deltas, lineage, r.occurredAt.getTime(), sliceValuesWith(r, c.perceptionMember ?? null), counters);
        if (r.satisfaction) w.ratings.push({ touchpointId: r.id, unitId: r.unitId, customerId: r.customerId, occurredAt: r.occurredAt.getTime(), score: r.satisfaction.score });
        for (const u of lineage) touched.add(u);
        receivedIso ??= new Date(receivedAt).toISOString(); // one transaction, one now()
        done[i].events.push({
          id: r.id,
          unitId: r.unitId,
          channel: r.channel,
          kind: r.kind,
          stage: r.stage,
          needCategory: r.needCategory,
          resolved: r.service ? r.service.resolved : null,
          satisfaction: r.satisfaction ? r.satisfaction.score : null,
          occurredAt: isoOf(r.occurredAt),
          receivedAt: receivedIso,
          commitment: tracked ? null : commitment, // a tracked one is announced by the monitor, when due
        });
      }
      // Every copy not newly stored by this job is a duplicate when it matches what is stored, else a conflict.
      for (const list of [job.candidates, job.laterCopies]) {
        for (const c of list) {
          if (list === job.candidates && inserted.has(c.record.id) && owner.get(c.record.id) === c) continue;
          if (storedHash.get(c.record.id) === c.contentHash) outcome.duplicates++;
          else outcome.conflicts.push(c);
        }
      }
      done[i].touched = [...touched];
      done[i].result = outcome;
    }
  }

  /** Why each of these ids (not found) names a touchpoint beyond the retention horizon; absent when it does not. */
  private async beyondHorizon(tx: Sql, missing: string[]): Promise<Map<string, string>> {
    const horizon = this.horizon();
    if (horizon === null || missing.length === 0) return new Map();
    const keys = await findTouchpointKeys(tx, missing); // a key whose touchpoint's partition is dropped
    const out = new Map<string, string>();
    for (const id of missing) {
      const reason = tooOldReason(id, keys.get(id)?.occurredAt ?? null, horizon);
      if (reason) out.set(id, reason.replace(/^(occurredAt|id): /, `touchpointId: touchpoint "${id}" is gone: `));
    }
    return out;
  }

  /** Starts the tree of a newly stored touchpoint naming a level-1 code; returns what commitmentKept gains now. */
  private startCommitment(catalogue: CommitmentCatalogue, r: Candidate['record'], receivedAt: number, w: Writes): { present: number; met: number } {
    const nodes = startTree(
      catalogue,
      { id: r.id, unitId: r.unitId, customerId: r.customerId, occurredAt: r.occurredAt.getTime(), servedAt: r.service?.servedAt?.getTime() ?? null, commitment: r.service?.commitment ?? null },
      newNodeId,
    );
    if (!nodes) return { present: 0, met: 0 };
    const settled = settleTree(null, nodes, receivedAt, false);
    w.nodes.push(...settled.map((x) => x.after));
    return countSettled(settled, w.stats);
  }

  private async rate(
    tx: Sql,
    tree: OrgTree,
    deltas: RollupDeltas,
    jobs: readonly (readonly [RateJob, number])[],
    done: Done[],
    ratings: Writes['ratings'],
  ): Promise<void> {
    const rows = await findTouchpointsForUpdate(
      tx,
      jobs.flatMap(([j]) => j.items.map((it) => it.id)),
    );
    const gone = await this.beyondHorizon(tx, jobs.flatMap(([j]) => j.items.map((it) => it.id)).filter((id) => !rows.has(id)));
    const updates: { id: string; occurredAt: number; unitId: string; score: number; comment: string | null }[] = [];
    for (const [job, i] of jobs) {
      const outcomes: RateItemOutcome[] = [];
      const touched = new Set<string>();
      for (const it of job.items) {
        const row = rows.get(it.id);
        const old = gone.get(it.id);
        if (!row && old) {
          outcomes.push({ index: it.index, status: RefusalCode.TOO_OLD, field: 'touchpointId', message: old });
          continue;
        }
        if (!row) {
          outcomes.push({ index: it.index, status: RefusalCode.NOT_FOUND, field: 'touchpointId', message: `touchpointId: no touchpoint "${it.rawId}"` });
          continue;
        }
        if (!canRate(job.caller, tree, row.unitId)) {
          outcomes.push({ index: it.index, status: RefusalCode.FORBIDDEN_UNIT, field: 'touchpointId', message: `touchpoint "${it.id}" belongs to a unit outside your scope` });
          continue;
        }
        const held = row.satisfactionScore === null ? null : { score: row.satisfactionScore, comment: row.satisfactionComment };
        const verdict = judgeRating(held, it);
        if (verdict === 'UNCHANGED') {
          outcomes.push({ index: it.index, status: 'UNCHANGED', touchpoint: row });
          continue;
        }
        if (held && verdict === RefusalCode.CONFLICT) {
          outcomes.push({ index: it.index, status: RefusalCode.CONFLICT, field: 'satisfaction', message: ratingConflictMessage(it.id, held) });
          continue;
        }
        updates.push({ id: it.id, occurredAt: row.occurredAt.getTime(), unitId: row.unitId, score: it.score, comment: it.comment });
        const lineage = tree.lineage(row.unitId);
        const delta = ratingDelta({ service: row.served ? { resolved: row.resolved === true } : null }, it.score);
        addToRollups(deltas, lineage, row.occurredAt.getTime(), sliceValuesOf(row), delta);
        const rated = { ...row, satisfactionScore: it.score, satisfactionComment: it.comment };
        rows.set(it.id, rated); // a second rating of it in this group sees it rated
        ratings.push({ touchpointId: row.id, unitId: row.unitId, customerId: row.customerId, occurredAt: row.occurredAt.getTime(), score: it.score });
        outcomes.push({ index: it.index, status: 'RATED', touchpoint: rated });
        for (const u of lineage) touched.add(u);
      }
      done[i].result = outcomes;
      done[i].touched = [...touched];
    }
    await setSatisfactions(tx, updates);
  }
}

/** How often one write is tried again after a deadlock or a serialization failure (runRetrying). */
export const TRANSIENT_RETRIES = 4;

/** 40P01 (deadlock_detected) or 40001 (serialization_failure), as the driver or TypeORM carries it; null for any other error. */
function transientCode(err: unknown): '40P01' | '40001' | null {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.code ?? e?.driverError?.code;
  return code === '40P01' || code === '40001' ? code : null;
}

/** The ids a call stores or rates. */
function* idsOfJob(job: Job): Generator<string> {
  if (job.kind === 'rate') {
    for (const it of job.items) yield it.id;
    return;
  }
  for (const c of job.candidates) yield c.record.id;
  for (const c of job.laterCopies) yield c.record.id;
}

/** The ids a group's calls store or rate. */
function idsOf(group: readonly Pending[]): Set<string> {
  const ids = new Set<string>();
  for (const { job } of group) for (const id of idsOfJob(job)) ids.add(id);
  return ids;
}
