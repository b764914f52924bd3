import { MODEL_VERSION, type RefScore } from './reference-model';
import { CHAINS, type EngagementScoreWire } from './wire-types';

// Compares a gateway score with the reference one field by field and returns
// every difference as a readable line, so one failing assertion shows them all.

const TOLERANCE = 1e-9;

function close(a: number | null | undefined, b: number | null): boolean {
  if (a === null || a === undefined || b === null) return (a ?? null) === b;
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
}

export interface ScoreContext {
  label: string;
  unitId: string;
  from: number;
  to: number;
}

export function compareScore(actual: EngagementScoreWire | undefined, expected: RefScore, ctx: ScoreContext): string[] {
  const out: string[] = [];
  const at = (what: string, got: unknown, want: unknown): void => void out.push(`${ctx.label}: ${what} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  if (!actual) return [`${ctx.label}: missing (expected ${expected.touchpoints} touchpoints)`];
  if (actual.unit?.id !== ctx.unitId) at('unit.id', actual.unit?.id, ctx.unitId);
  if (Date.parse(actual.from) !== ctx.from) at('from', actual.from, new Date(ctx.from).toISOString());
  if (Date.parse(actual.to) !== ctx.to) at('to', actual.to, new Date(ctx.to).toISOString());
  if (actual.modelVersion !== MODEL_VERSION) at('modelVersion', actual.modelVersion, MODEL_VERSION);
  if (actual.touchpoints !== expected.touchpoints) at('touchpoints', actual.touchpoints, expected.touchpoints);
  if (!close(actual.overall, expected.overall)) at('overall', actual.overall, expected.overall);
  const order = actual.chains.map((c) => c.chain);
  if (order.join() !== CHAINS.join()) at('chain order', order, CHAINS);
  for (const want of expected.chains) {
    const got = actual.chains.find((c) => c.chain === want.chain);
    if (!got) {
      at(`chain ${want.chain}`, undefined, 'present');
      continue;
    }
    if (!close(got.score, want.score)) at(`${want.chain} score`, got.score, want.score);
    const keys = got.measures.map((m) => m.key).sort();
    const wantKeys = want.measures.map((m) => m.key).sort();
    if (keys.join() !== wantKeys.join()) at(`${want.chain} measure keys`, keys, wantKeys);
    for (const wm of want.measures) {
      const gm = got.measures.find((m) => m.key === wm.key);
      if (!gm) continue;
      if (gm.chain !== wm.chain) at(`${wm.key}.chain`, gm.chain, wm.chain);
      if (gm.numerator !== wm.numerator) at(`${wm.key}.numerator`, gm.numerator, wm.numerator);
      if (gm.denominator !== wm.denominator) at(`${wm.key}.denominator`, gm.denominator, wm.denominator);
      if (!close(gm.value, wm.value)) at(`${wm.key}.value`, gm.value, wm.value);
      if (!close(gm.normalized, wm.normalized)) at(`${wm.key}.normalized`, gm.normalized, wm.normalized);
      if (!close(gm.weight, wm.weight)) at(`${wm.key}.weight`, gm.weight, wm.weight);
    }
  }
  return out;
}
