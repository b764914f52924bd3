import type { Chain, ChainScoreWire, Channel, Kind, MeasureWire, NeedCategory, SliceDimension, Stage } from './wire-types';
import { CHAINS } from './wire-types';

// An independent re-implementation of shared/ENGAGEMENT-MODEL.md
// (`qihe-default@1`), written from the document alone: it filters raw
// touchpoints measure by measure instead of summing counters, so that it shares
// neither code nor structure with the gateway's scoring.

export const MODEL_VERSION = 'qihe-default@1';
export const TIMELINESS_MS = 15 * 60 * 1000;
export const UNKNOWN = 'UNKNOWN';

/** One stored touchpoint as the model sees it: what was sent, plus the server's receivedAt. */
export interface RefTouchpoint {
  id: string;
  unitId: string;
  occurredAt: number; // epoch ms
  receivedAt: number; // epoch ms, as the gateway reports it
  channel: Channel;
  kind: Kind;
  stage: Stage;
  region: string | null;
  industry: string | null;
  needCategory: NeedCategory;
  contractId: string | null;
  productId: string | null;
  service: {
    resolved: boolean;
    firstContact: boolean;
    knowledgeRefs: number;
    knowledgeCreated: boolean;
    handoffUnitId: string | null;
    commitment: { met: boolean } | null;
  } | null;
  score: number | null; // 1..5 once rated
}

export interface RefScore {
  touchpoints: number;
  overall: number | null;
  chains: ChainScoreWire[];
}

type Pred = (t: RefTouchpoint) => boolean;
interface MeasureRow {
  key: string;
  chain: Chain;
  numerator: (ts: RefTouchpoint[]) => number;
  denominator: (ts: RefTouchpoint[]) => number;
  floor: number;
  target: number;
  weight: number;
}

const count = (ts: RefTouchpoint[], p: Pred): number => ts.filter(p).length;
const served: Pred = (t) => t.service !== null;
const rated: Pred = (t) => t.score !== null;
const servedRated: Pred = (t) => served(t) && rated(t);
const resolved: Pred = (t) => t.service?.resolved === true;
const handoff: Pred = (t) => served(t) && t.service?.handoffUnitId != null;

// The measure table of ENGAGEMENT-MODEL.md, row for row.
const MEASURES: MeasureRow[] = [
  {
    key: 'csat',
    chain: 'VALUE',
    numerator: (ts) => ts.filter(rated).reduce((sum, t) => sum + ((t.score as number) - 1), 0),
    denominator: (ts) => 4 * count(ts, rated),
    floor: 0,
    target: 1,
    weight: 0.5,
  },
  {
    key: 'winWin',
    chain: 'VALUE',
    numerator: (ts) => count(ts, (t) => servedRated(t) && resolved(t) && (t.score as number) >= 4),
    denominator: (ts) => count(ts, servedRated),
    floor: 0,
    target: 1,
    weight: 0.3,
  },
  {
    key: 'growth',
    chain: 'VALUE',
    numerator: (ts) => count(ts, (t) => t.needCategory === 'PURCHASE' || t.needCategory === 'RENEWAL'),
    denominator: (ts) => ts.length,
    floor: 0,
    target: 0.25,
    weight: 0.2,
  },
  {
    key: 'resolution',
    chain: 'BUSINESS',
    numerator: (ts) => count(ts, (t) => served(t) && resolved(t)),
    denominator: (ts) => count(ts, served),
    floor: 0,
    target: 1,
    weight: 0.4,
  },
  {
    key: 'commitmentKept',
    chain: 'BUSINESS',
    numerator: (ts) => count(ts, (t) => t.service?.commitment?.met === true),
    denominator: (ts) => count(ts, (t) => t.service?.commitment != null),
    floor: 0,
    target: 1,
    weight: 0.3,
  },
  {
    key: 'collaboration',
    chain: 'BUSINESS',
    numerator: (ts) => count(ts, (t) => handoff(t) && resolved(t)),
    denominator: (ts) => count(ts, handoff),
    floor: 0,
    target: 1,
    weight: 0.3,
  },
  {
    key: 'knowledgeUse',
    chain: 'KNOWLEDGE',
    numerator: (ts) => count(ts, (t) => (t.service?.knowledgeRefs ?? 0) > 0),
    denominator: (ts) => count(ts, served),
    floor: 0,
    target: 1,
    weight: 0.4,
  },
  {
    key: 'firstContactResolution',
    chain: 'KNOWLEDGE',
    numerator: (ts) => count(ts, (t) => resolved(t) && t.service?.firstContact === true),
    denominator: (ts) => count(ts, served),
    floor: 0,
    target: 1,
    weight: 0.4,
  },
  {
    key: 'knowledgeCapture',
    chain: 'KNOWLEDGE',
    numerator: (ts) => count(ts, (t) => t.service?.knowledgeCreated === true),
    denominator: (ts) => count(ts, served),
    floor: 0,
    target: 0.1,
    weight: 0.2,
  },
  {
    key: 'closedLoop',
    chain: 'DATA',
    numerator: (ts) => count(ts, servedRated),
    denominator: (ts) => ts.length,
    floor: 0,
    target: 1,
    weight: 0.4,
  },
  {
    key: 'linkage',
    chain: 'DATA',
    numerator: (ts) => count(ts, (t) => t.contractId !== null || t.productId !== null),
    denominator: (ts) => ts.length,
    floor: 0,
    target: 1,
    weight: 0.3,
  },
  {
    key: 'timeliness',
    chain: 'DATA',
    numerator: (ts) => count(ts, (t) => t.receivedAt - t.occurredAt <= TIMELINESS_MS),
    denominator: (ts) => ts.length,
    floor: 0,
    target: 1,
    weight: 0.3,
  },
];
const CHAIN_WEIGHT = 0.25;

export const MEASURE_KEYS: readonly string[] = MEASURES.map((m) => m.key);

/** Scores a set of touchpoints (already restricted to a subtree, window and slice). */
export function referenceScore(ts: RefTouchpoint[]): RefScore {
  const chains: ChainScoreWire[] = CHAINS.map((chain) => {
    const measures: MeasureWire[] = MEASURES.filter((m) => m.chain === chain).map((m) => {
      const numerator = m.numerator(ts);
      const denominator = m.denominator(ts);
      const value = denominator === 0 ? null : numerator / denominator;
      const normalized = value === null ? null : Math.min(1, Math.max(0, (value - m.floor) / (m.target - m.floor)));
      return { key: m.key, chain, numerator, denominator, value, normalized, weight: m.weight };
    });
    const present = measures.filter((m) => m.normalized !== null);
    const weightSum = present.reduce((s, m) => s + m.weight, 0);
    const score = present.length === 0 ? null : (100 * present.reduce((s, m) => s + m.weight * (m.normalized as number), 0)) / weightSum;
    return { chain, score, measures };
  });
  const scored = chains.filter((c) => c.score !== null);
  const overall = scored.length === 0 ? null : scored.reduce((s, c) => s + CHAIN_WEIGHT * (c.score as number), 0) / (CHAIN_WEIGHT * scored.length);
  return { touchpoints: ts.length, overall, chains };
}

/** The value a touchpoint takes in a breakdown by `dim`. */
export function sliceValue(t: RefTouchpoint, dim: SliceDimension): string {
  switch (dim) {
    case 'CHANNEL':
      return t.channel;
    case 'KIND':
      return t.kind;
    case 'STAGE':
      return t.stage;
    case 'NEED_CATEGORY':
      return t.needCategory;
    case 'REGION':
      return t.region ?? UNKNOWN;
    case 'INDUSTRY':
      return t.industry ?? UNKNOWN;
  }
}

/** Touchpoints of a unit's subtree whose occurredAt lies in the half-open window [from, to). */
export function selectTouchpoints(ts: RefTouchpoint[], subtree: ReadonlySet<string>, from: number, to: number): RefTouchpoint[] {
  return ts.filter((t) => subtree.has(t.unitId) && t.occurredAt >= from && t.occurredAt < to);
}

/** A breakdown: one entry per slice value present in `ts`. */
export function referenceBreakdown(ts: RefTouchpoint[], dim: SliceDimension): Map<string, RefScore> {
  const groups = new Map<string, RefTouchpoint[]>();
  for (const t of ts) {
    const v = sliceValue(t, dim);
    groups.set(v, [...(groups.get(v) ?? []), t]);
  }
  return new Map([...groups].map(([v, g]) => [v, referenceScore(g)]));
}

/** Consecutive windows from `from`, each `stepMs` long, the last one cut at `to`. */
export function referenceTrendWindows(from: number, to: number, stepMs: number): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  for (let start = from; start < to; start += stepMs) out.push({ from: start, to: Math.min(start + stepMs, to) });
  return out;
}
