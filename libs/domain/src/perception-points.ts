import type { Counters } from './counters';
import { NEED_CATEGORIES, type NeedCategory } from './vocabulary';

// Perception points and short boards (感知点, 短板; MANAGEMENT-MODEL.md §5):
// what customers perceive, from a catalogue in the bootstrap file. A
// touchpoint belongs to the point its `perceptionPoint` names, else to the
// first catalogue point (in the file's order) whose needCategories hold its
// need, else to none. Membership is settled when the touchpoint is stored.

export interface PerceptionPointDefinition {
  code: string;
  name: string;
  /** The name in Chinese, when the catalogue gives one. */
  nameZh: string | null;
  needCategories: NeedCategory[];
  /** The csat this point should reach (0..1). */
  target: number;
}

const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Checks a catalogue; every problem names its entry. */
export function parsePerceptionPoints(list: readonly Record<string, unknown>[]): { points: PerceptionPointDefinition[]; problems: string[] } {
  const problems: string[] = [];
  const points: PerceptionPointDefinition[] = [];
  const codes = new Set<string>();
  list.forEach((p, i) => {
    const at = `perceptionPoints[${i}]${typeof p.code === 'string' ? ` ("${p.code}")` : ''}`;
    if (typeof p.code !== 'string' || !CODE.test(p.code)) problems.push(`${at}: "code" must be 1-64 capitals, digits or "_", starting with a letter`);
    else if (codes.has(p.code)) problems.push(`${at}: duplicate perception point code "${p.code}"`);
    else codes.add(p.code);
    if (typeof p.name !== 'string' || p.name.trim() === '' || p.name.length > 200) problems.push(`${at}: "name" must be 1-200 characters`);
    if (p.nameZh !== undefined && p.nameZh !== null && (typeof p.nameZh !== 'string' || p.nameZh.trim() === '' || p.nameZh.length > 200)) {
      problems.push(`${at}: "nameZh" must be 1-200 characters when given`);
    }
    const needs = p.needCategories;
    if (!Array.isArray(needs) || needs.length === 0) problems.push(`${at}: "needCategories" must list at least one need category`);
    else {
      const bad = needs.filter((n) => !NEED_CATEGORIES.includes(n as NeedCategory));
      if (bad.length) problems.push(`${at}: unknown need categor${bad.length > 1 ? 'ies' : 'y'} ${bad.map((b) => JSON.stringify(b)).join(', ')} (one of ${NEED_CATEGORIES.join(', ')})`);
    }
    if (typeof p.target !== 'number' || !(p.target > 0 && p.target <= 1)) problems.push(`${at}: "target" must be a csat above 0 and at most 1`);
    points.push({
      code: String(p.code),
      name: String(p.name),
      nameZh: typeof p.nameZh === 'string' ? p.nameZh : null,
      needCategories: Array.isArray(needs) ? [...new Set(needs as NeedCategory[])] : [],
      target: Number(p.target),
    });
  });
  return { points, problems };
}

/** The catalogue as ingest reads it: known codes, and the first point per need (in catalogue order). */
export class PerceptionCatalogue {
  private readonly byCode: Map<string, PerceptionPointDefinition>;
  private readonly firstByNeed = new Map<string, string>();

  constructor(readonly points: readonly PerceptionPointDefinition[]) {
    this.byCode = new Map(points.map((p) => [p.code, p]));
    for (const p of points) for (const n of p.needCategories) if (!this.firstByNeed.has(n)) this.firstByNeed.set(n, p.code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get(code: string): PerceptionPointDefinition | undefined {
    return this.byCode.get(code);
  }

  /** The point a touchpoint belongs to: the one it names, else the first for its need, else null. */
  memberOf(named: string | null, need: string): string | null {
    if (named !== null && this.byCode.has(named)) return named;
    return this.firstByNeed.get(need) ?? null;
  }
}

export interface PerceptionPointScore {
  point: PerceptionPointDefinition;
  touchpoints: number;
  rated: number;
  csat: number | null;
  lowRatings: number;
  impact: number;
  shortBoard: boolean;
}

/**
 * Scores every catalogue point from its members' counters: csat as the csat
 * measure (Σ(score − 1) ÷ 4·rated), impact = max(0, target − csat) × rated (0
 * without a csat); a short board has impact > 0 and ranks by impact within the
 * top third (rounded up) of the points with touchpoints. Ties share a rank
 * (1 + how many have a larger impact). Sorted by impact, then catalogue order.
 */
export function scorePerceptionPoints(catalogue: readonly PerceptionPointDefinition[], counters: ReadonlyMap<string, Counters>): PerceptionPointScore[] {
  const scores = catalogue.map((point): PerceptionPointScore => {
    const c = counters.get(point.code);
    const rated = c?.rated ?? 0;
    const csat = c && rated > 0 ? c.ratingPoints / (4 * rated) : null;
    return {
      point,
      touchpoints: c?.touchpoints ?? 0,
      rated,
      csat,
      lowRatings: c?.lowRated ?? 0,
      impact: csat === null ? 0 : Math.max(0, point.target - csat) * rated,
      shortBoard: false,
    };
  });
  const withTouchpoints = scores.filter((s) => s.touchpoints > 0);
  const cut = Math.ceil(withTouchpoints.length / 3);
  for (const s of withTouchpoints) {
    const rank = 1 + withTouchpoints.filter((o) => o.impact > s.impact).length;
    s.shortBoard = s.impact > 0 && rank <= cut;
  }
  const order = new Map(catalogue.map((p, i) => [p.code, i]));
  return scores.sort((a, b) => b.impact - a.impact || (order.get(a.point.code) as number) - (order.get(b.point.code) as number));
}
