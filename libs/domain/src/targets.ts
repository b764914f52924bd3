import { DEFAULT_MODEL, type EngagementModel } from './engagement-model';
import { targetKeys, type StoredTarget } from './indicators';

// Targets set per unit (bootstrap file `targets`, setTarget): checked alike,
// each problem naming its entry or field.

const MAX_ABS = 1e9;

/** Why one target is refused (the field it names first), or null when it is fine. */
export function targetProblem(t: { unitId?: unknown; key?: unknown; target?: unknown; amberBand?: unknown }, unitExists: (id: string) => boolean, keys: ReadonlySet<string>): string | null {
  if (typeof t.unitId !== 'string' || !unitExists(t.unitId)) return `unitId: no org unit ${JSON.stringify(t.unitId ?? null)}`;
  if (typeof t.key !== 'string' || !keys.has(t.key)) return `key: ${JSON.stringify(t.key ?? null)} is not an indicator, measure, chain or "overall" (one of ${[...keys].join(', ')})`;
  if (typeof t.target !== 'number' || !Number.isFinite(t.target) || Math.abs(t.target) > MAX_ABS) return `target: must be a finite number`;
  if (t.amberBand !== undefined && t.amberBand !== null && (typeof t.amberBand !== 'number' || !Number.isFinite(t.amberBand) || t.amberBand < 0 || t.amberBand > MAX_ABS)) {
    return `amberBand: must be a number ≥ 0 when given`;
  }
  return null;
}

/** The bootstrap file's `targets`: every problem named by its entry; one target per unit and key. */
export function parseTargets(list: readonly Record<string, unknown>[], unitExists: (id: string) => boolean, model: EngagementModel = DEFAULT_MODEL): { targets: StoredTarget[]; problems: string[] } {
  const keys = targetKeys(model);
  const problems: string[] = [];
  const targets: StoredTarget[] = [];
  const seen = new Set<string>();
  list.forEach((t, i) => {
    const at = `targets[${i}]${typeof t.unitId === 'string' && typeof t.key === 'string' ? ` ("${t.unitId}" ${t.key})` : ''}`;
    const problem = targetProblem(t, unitExists, keys);
    if (problem) return void problems.push(`${at}: ${problem}`);
    const id = `${t.unitId as string}\u0000${t.key as string}`;
    if (seen.has(id)) return void problems.push(`${at}: a second target for the same unit and key`);
    seen.add(id);
    targets.push({ unitId: t.unitId as string, key: t.key as string, target: t.target as number, amberBand: typeof t.amberBand === 'number' ? t.amberBand : null });
  });
  return { targets, problems };
}
