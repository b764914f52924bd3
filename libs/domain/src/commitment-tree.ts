import type { CommitmentCatalogue } from './commitment-catalogue';

// Tracked instances of a commitment tree (MANAGEMENT-MODEL.md §1). Times are
// epoch ms. A node's state is a function of its times and `now`; what was
// counted and alerted for it is bookkeeping kept beside the times, so that
// every transition is counted and announced once, whoever notices it first.

export const COMMITMENT_STATES = ['OPEN', 'AT_RISK', 'MET', 'BREACHED'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];
export type Resolution = 'MET' | 'BREACHED';

/** 0: nothing announced, 1: AT_RISK announced, 2: BROKEN announced. */
export type AlertStage = 0 | 1 | 2;

export interface CommitmentTimes {
  startedAt: number;
  warnAt: number;
  dueAt: number;
  completedAt: number | null;
}

export interface CommitmentNode extends CommitmentTimes {
  id: string;
  touchpointId: string;
  unitId: string; // where the touchpoint happened
  customerId: string;
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  ownerUnitId: string;
  /** What commitmentKept and the per-code counters hold for it: null until it resolved. */
  resolved: Resolution | null;
  /** In its parent's breachedBy (counted in causedBreaches). */
  caused: boolean;
  alertStage: AlertStage;
  /** When the monitor must look at it next; null: never again. */
  nextCheckAt: number | null;
}

/** State at `now`: MET / BREACHED from the completion time, else from the clock. */
export function commitmentState(n: CommitmentTimes, now: number): CommitmentState {
  if (n.completedAt !== null) return n.completedAt <= n.dueAt ? 'MET' : 'BREACHED';
  if (now >= n.dueAt) return 'BREACHED';
  if (now >= n.warnAt) return 'AT_RISK';
  return 'OPEN';
}

/** Was the node BREACHED at time `t` (a completion after `t` counts as unfinished then)? */
export function breachedAt(n: CommitmentTimes, t: number): boolean {
  if (n.completedAt !== null && n.completedAt <= t) return n.completedAt > n.dueAt;
  return t >= n.dueAt;
}

/** A BREACHED node's direct steps that were BREACHED at its dueAt: the links that broke it. */
export function breachedBy<N extends CommitmentNode>(node: N, tree: readonly N[], now: number): N[] {
  if (commitmentState(node, now) !== 'BREACHED') return [];
  return stepsOf(node, tree).filter((s) => breachedAt(s, node.dueAt));
}

export const stepsOf = <N extends CommitmentNode>(node: N, tree: readonly N[]): N[] =>
  tree.filter((s) => s.touchpointId === node.touchpointId && s.parentCode === node.code);

/** The moment a share of the target has elapsed: startedAt + percent% × target. */
export const warnAtOf = (startedAt: number, targetMinutes: number, warnAtPercent: number): number =>
  startedAt + targetMinutes * 600 * warnAtPercent; // targetMinutes × 60 000 ms × percent / 100

export interface StartingTouchpoint {
  id: string;
  unitId: string;
  customerId: string;
  occurredAt: number;
  servedAt: number | null;
  commitment: { code: string; met: boolean } | null;
}

/**
 * The instance a stored touchpoint starts, or null when its commitment code is
 * not a level-1 catalogue code. Every node starts at occurredAt; `met: true`
 * completes the level-1 node (and so the whole tree) at servedAt or occurredAt.
 * The nodes come unsettled: pass them through settleTree.
 */
export function startTree(catalogue: CommitmentCatalogue, tp: StartingTouchpoint, newId: () => string): CommitmentNode[] | null {
  const code = tp.commitment?.code;
  if (!tp.commitment || !catalogue.isTracked(code)) return null;
  const startedAt = tp.occurredAt;
  const nodes = catalogue.tree(code as string).map(
    (d): CommitmentNode => ({
      id: newId(),
      touchpointId: tp.id,
      unitId: tp.unitId,
      customerId: tp.customerId,
      code: d.code,
      name: d.name,
      level: d.level,
      parentCode: d.parentCode,
      ownerUnitId: d.ownerUnitId ?? tp.unitId,
      startedAt,
      warnAt: warnAtOf(startedAt, d.targetMinutes, d.warnAtPercent),
      dueAt: startedAt + d.targetMinutes * 60_000,
      completedAt: null,
      resolved: null,
      caused: false,
      alertStage: 0,
      nextCheckAt: null,
    }),
  );
  if (!tp.commitment.met) return nodes;
  const done = completeNode(nodes, code as string, tp.servedAt ?? tp.occurredAt);
  return done.status === 'COMPLETED' ? done.nodes : nodes;
}

export type Completion =
  | { status: 'COMPLETED'; nodes: CommitmentNode[] }
  | { status: 'UNCHANGED' } // already completed at this very time
  | { status: 'CONFLICT'; completedAt: number }
  | { status: 'NOT_FOUND' };

/** Completes the node `code` at `at`, and its unfinished descendants at the same time. */
export function completeNode(tree: readonly CommitmentNode[], code: string, at: number): Completion {
  const node = tree.find((n) => n.code === code);
  if (!node) return { status: 'NOT_FOUND' };
  if (node.completedAt !== null) return node.completedAt === at ? { status: 'UNCHANGED' } : { status: 'CONFLICT', completedAt: node.completedAt };
  const below = new Set([code]);
  // Parents come before children in a tree's order, but do not rely on it.
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of tree) if (n.parentCode !== null && below.has(n.parentCode) && !below.has(n.code)) below.add(n.code), (grew = true);
  }
  return { status: 'COMPLETED', nodes: tree.map((n) => (below.has(n.code) && n.completedAt === null ? { ...n, completedAt: at } : n)) };
}

export type CommitmentAlertType = 'COMMITMENT_AT_RISK' | 'COMMITMENT_BROKEN';

/** How one node's counters move: per code (started, met, breached, at risk, caused) and, for level 1, commitmentKept. */
export interface NodeCount {
  met: number;
  breached: number;
  atRisk: number;
  caused: number;
}

export interface SettledNode {
  before: CommitmentNode | null; // null: new
  after: CommitmentNode;
  /** What the per-code counters gain (started counts once, for a new node). */
  count: NodeCount & { started: number };
  /** Level 1: what commitmentKept's denominator and numerator gain in the touchpoint's bucket. */
  kept: { present: number; met: number };
  alert: CommitmentAlertType | null;
}

const countOf = (n: CommitmentNode | null): NodeCount => ({
  met: n?.resolved === 'MET' ? 1 : 0,
  breached: n?.resolved === 'BREACHED' ? 1 : 0,
  atRisk: n !== null && n.resolved === null && n.alertStage === 1 ? 1 : 0,
  caused: n?.caused ? 1 : 0,
});

/**
 * Brings one tree's bookkeeping up to `now`: what each node resolved to, which
 * steps caused their parent's breach, and — when `announce` (the monitor) —
 * which alert each node is due, at most one AT_RISK and one BROKEN per node
 * ever. Without `announce`, a node owed an alert is marked due now instead.
 * `before` are the stored nodes (null for a new tree); `tree` the current ones.
 */
export function settleTree(before: readonly CommitmentNode[] | null, tree: readonly CommitmentNode[], now: number, announce: boolean): SettledNode[] {
  const old = new Map((before ?? []).map((n) => [n.code, n]));
  const resolvedTree = tree.map((n): CommitmentNode => {
    const s = commitmentState(n, now);
    return { ...n, resolved: s === 'MET' || s === 'BREACHED' ? s : null };
  });
  const byCode = new Map(resolvedTree.map((n) => [n.code, n]));
  return resolvedTree.map((n): SettledNode => {
    const parent = n.parentCode === null ? undefined : byCode.get(n.parentCode);
    const caused = parent !== undefined && parent.resolved === 'BREACHED' && breachedAt(n, parent.dueAt);
    let alert: CommitmentAlertType | null = null;
    let alertStage = n.alertStage;
    const state = commitmentState(n, now);
    const owed: CommitmentAlertType | null =
      state === 'BREACHED' && alertStage < 2 ? 'COMMITMENT_BROKEN' : state === 'AT_RISK' && alertStage < 1 ? 'COMMITMENT_AT_RISK' : null;
    if (owed && announce) {
      alert = owed;
      alertStage = owed === 'COMMITMENT_BROKEN' ? 2 : 1;
    }
    const after: CommitmentNode = { ...n, caused, alertStage, nextCheckAt: owed && !announce ? now : nextCheck(n, alertStage) };
    const prev = old.get(n.code) ?? null;
    const a = countOf(after);
    const b = countOf(prev);
    const keptOf = (x: CommitmentNode | null): { present: number; met: number } =>
      x && x.level === 1 && x.resolved ? { present: 1, met: x.resolved === 'MET' ? 1 : 0 } : { present: 0, met: 0 };
    const ka = keptOf(after);
    const kb = keptOf(prev);
    return {
      before: prev,
      after,
      count: { started: prev ? 0 : 1, met: a.met - b.met, breached: a.breached - b.breached, atRisk: a.atRisk - b.atRisk, caused: a.caused - b.caused },
      kept: { present: ka.present - kb.present, met: ka.met - kb.met },
      alert,
    };
  });
}

/** The next moment an alert may fall due: the warning, then the deadline; never once completed. */
function nextCheck(n: CommitmentTimes, stage: AlertStage): number | null {
  if (n.completedAt !== null) return null;
  if (stage === 0) return n.warnAt;
  if (stage === 1) return n.dueAt;
  return null;
}
