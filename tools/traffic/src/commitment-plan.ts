import type { CommitmentDefinition } from '@qihe/domain';
import type { TouchpointInput } from '@qihe/client';
import { Rng } from './prng';

// What the units behind a promise do after the touchpoint that made it: each
// step of the tree is done on time (most), late, or never, and the promise
// itself is closed after its last step. Pure and seeded: the plan of a
// touchpoint is the same whenever it is made, so a re-sent touchpoint plans
// the same events (same ids: the gateway counts them once).

export interface CommitmentEvent {
  id: string;
  touchpointId: string;
  code: string;
  completedAt: string;
}

export interface PlannedEvent {
  /** When the event happens (and is sent): its completedAt, in ms. */
  atMs: number;
  /** The touchpoint's unit: the event goes out with the key of the site that sent the touchpoint. */
  unitId: string;
  event: CommitmentEvent;
}

export type StepFate = 'ON_TIME' | 'LATE' | 'NEVER';

export interface PlanOptions {
  seed: number | string;
  /** Share of steps done on time, and done late; the rest are never done (default 0.78, 0.12: 10 % never). */
  onTime?: number;
  late?: number;
}

interface Node {
  def: CommitmentDefinition;
  children: Node[];
}

/** Plans commitment events for touchpoints that start a tree of `catalogue`. */
export class CommitmentPlanner {
  private readonly roots = new Map<string, Node>();
  private readonly onTime: number;
  private readonly late: number;

  constructor(
    catalogue: readonly CommitmentDefinition[],
    private readonly opts: PlanOptions,
  ) {
    const nodes = new Map(catalogue.map((d) => [d.code, { def: d, children: [] as Node[] }]));
    for (const n of nodes.values()) {
      if (n.def.parentCode === null) this.roots.set(n.def.code, n);
      else nodes.get(n.def.parentCode)?.children.push(n);
    }
    this.onTime = opts.onTime ?? 0.78;
    this.late = opts.late ?? 0.12;
    if (!(this.onTime >= 0 && this.late >= 0 && this.onTime + this.late <= 1)) throw new RangeError('onTime + late must be a share in [0, 1]');
  }

  /** Level-1 codes: a touchpoint naming one with met: false starts a tree. */
  get levelOneCodes(): ReadonlySet<string> {
    return new Set(this.roots.keys());
  }

  /** The events that complete the tree `t` starts, in time order; none when it starts none (or was met at capture). */
  plan(t: TouchpointInput): PlannedEvent[] {
    const c = t.service?.commitment;
    const root = c && !c.met ? this.roots.get(c.code) : undefined;
    if (!root) return [];
    const rng = Rng.for(String(this.opts.seed), 'commitments', t.id);
    const start = Date.parse(t.occurredAt);
    const out: PlannedEvent[] = [];
    this.walk(root, start, rng, (code, atMs) => out.push({ atMs, unitId: t.unitId, event: { id: rng.uuid(atMs), touchpointId: t.id, code, completedAt: new Date(atMs).toISOString() } }));
    return out.sort((a, b) => a.atMs - b.atMs);
  }

  /**
   * Completes `n` after its children: a step without children gets its own
   * fate; a parent is done a little after its last child, and never when one
   * of its children never is (the back office that dropped a step broke the
   * promise: it is in the parent's breachedBy). Returns when `n` was done, or null.
   */
  private walk(n: Node, start: number, rng: Rng, emit: (code: string, atMs: number) => void): number | null {
    const target = n.def.targetMinutes * 60_000;
    const due = start + target;
    const done = n.children.map((c) => this.walk(c, start, rng, emit));
    let at: number | null;
    if (done.length === 0) {
      const fate = this.fate(rng);
      at = fate === 'NEVER' ? null : fate === 'ON_TIME' ? start + Math.round(target * rng.between(0.3, 0.95)) : due + Math.round(target * rng.between(0.05, 0.4));
    } else {
      at = done.includes(null) ? null : Math.max(...(done as number[])) + Math.round(target * rng.between(0.02, 0.1));
    }
    if (at !== null) emit(n.def.code, at);
    return at;
  }

  private fate(rng: Rng): StepFate {
    const r = rng.next();
    return r < this.onTime ? 'ON_TIME' : r < this.onTime + this.late ? 'LATE' : 'NEVER';
  }
}

/**
 * The catalogue on a faster clock, for a demo that must show warnings within
 * minutes: every target divided by `speed` (whole minutes, at least 1, so a
 * step still fits its parent), its name saying so.
 */
export function compressCatalogue(catalogue: readonly CommitmentDefinition[], speed: number): CommitmentDefinition[] {
  if (!(speed >= 1)) throw new RangeError(`speed must be at least 1, got ${speed}`);
  if (speed === 1) return catalogue.map((d) => ({ ...d }));
  return catalogue.map((d) => {
    const targetMinutes = Math.max(1, Math.round(d.targetMinutes / speed));
    return { ...d, targetMinutes, name: `${d.name} (demo clock: ${targetMinutes} min)` };
  });
}
