import { addToRollups, type RollupDeltas, type StatDeltas } from '@qihe/data';
import { sliceValuesOf, zeroCounters, type CommitmentAlertType, type CommitmentNode, type Counters, type OrgTree, type SettledNode, type SliceFields } from '@qihe/domain';
import type { OutboxEvent } from '@qihe/data';
import { newId, type CommitmentNodeAlert } from '@qihe/contracts';

// What every writer of commitment trees (ingest, completion events, the
// monitor) does with a settled tree: move the per-code counters, and the
// commitmentKept counters of the touchpoint's bucket, by exactly what changed.

/** The part of a touchpoint its rollup rows are keyed by. */
export interface TouchpointBucket extends SliceFields {
  unitId: string;
  occurredAt: number;
}

/** commitmentKept's numerator and denominator moved by a level-1 node's change. */
export function keptCounters(kept: { present: number; met: number }): Counters {
  const c = zeroCounters();
  c.commitmentPresent = kept.present;
  c.commitmentMet = kept.met;
  return c;
}

/** Adds a settled tree's changes to the per-code counters; returns what commitmentKept gains. */
export function countSettled(settled: readonly SettledNode[], stats: StatDeltas): { present: number; met: number } {
  const kept = { present: 0, met: 0 };
  for (const s of settled) {
    stats.add(s.after, s.count);
    kept.present += s.kept.present;
    kept.met += s.kept.met;
  }
  return kept;
}

/** Adds commitmentKept changes of an already stored touchpoint to its bucket's rollups. */
export function countKept(deltas: RollupDeltas, tree: OrgTree, tp: TouchpointBucket, kept: { present: number; met: number }): void {
  if (kept.present === 0 && kept.met === 0) return;
  addToRollups(deltas, tree.lineage(tp.unitId), tp.occurredAt, sliceValuesOf(tp), keptCounters(kept));
}

// Time-ordered (UUIDv7): a tree's nodes land beside the ones started just before, not on random index pages.
export const newNodeId = (): string => newId();

const ALERT_WORDS: Record<CommitmentAlertType, string> = {
  COMMITMENT_AT_RISK: 'is at risk',
  COMMITMENT_BROKEN: 'was broken',
};

/**
 * The feed alert of a node (contract/feed.md), as an outbox event: one per
 * node and type ever (the dedupe key), heard by the touchpoint's unit and the
 * owner unit, each with its ancestors.
 */
export function alertEvent(n: CommitmentNode, type: CommitmentAlertType, at: number, ownerName: string): OutboxEvent {
  const due = new Date(n.dueAt).toISOString();
  const alert: CommitmentNodeAlert = {
    type,
    id: `${type}:${n.id}`,
    unitId: n.unitId,
    ownerUnitId: n.ownerUnitId,
    commitmentId: n.id,
    code: n.code,
    name: n.name,
    touchpointId: n.touchpointId,
    customerId: n.customerId,
    dueAt: due,
    at: new Date(at).toISOString(),
    message: `${n.name} (${n.code}) for customer ${n.customerId} ${ALERT_WORDS[type]}: due ${due}, owned by ${ownerName}`,
  };
  return {
    unitId: n.unitId,
    dedupeKey: alert.id,
    event: 'alert',
    rooms: n.ownerUnitId === n.unitId ? [n.unitId] : [n.unitId, n.ownerUnitId],
    payload: { ...alert },
  };
}
