// The service-commitment catalogue (MANAGEMENT-MODEL.md §1): a tree per
// level-1 promise, its level-2/3 steps each owned by a unit. Checked as a
// whole, every problem named by its entry, before any of it is stored.

export interface CommitmentDefinition {
  code: string;
  name: string;
  level: number; // 1 = promised to the customer; 2, 3 = internal steps
  parentCode: string | null;
  targetMinutes: number; // from the start of the level-1 commitment
  warnAtPercent: number;
  ownerUnitId: string | null; // null: the unit where the touchpoint happened
}

export const DEFAULT_WARN_AT_PERCENT = 80;
export const MAX_COMMITMENT_LEVEL = 3;
/** Ten years: a target beyond it is a typo, not a promise. */
export const MAX_TARGET_MINUTES = 10 * 366 * 24 * 60;
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** One problem of a catalogue: which entry (its place or its code), which field, and why. */
export interface CatalogueProblem {
  entry: string;
  field: string;
  message: string;
}

export const describeProblem = (p: CatalogueProblem): string => `${p.entry}: ${p.message}`;

/**
 * Reads one raw definition (from the bootstrap file or upsertCommitment);
 * problems of its own fields go to `problems` under `entry`.
 */
export function readDefinition(raw: unknown, entry: string, problems: CatalogueProblem[]): CommitmentDefinition {
  const o = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const bad = (field: string, message: string): void => void problems.push({ entry, field, message: `"${field}" ${message}` });
  if (o !== raw) problems.push({ entry, field: '', message: 'must be an object' });
  const code = typeof o.code === 'string' ? o.code : '';
  if (!CODE_PATTERN.test(code)) bad('code', 'must be 1-64 letters, digits, ".", "_" or "-"');
  const name = typeof o.name === 'string' ? o.name.trim() : '';
  if (name === '' || name.length > 200 || name.includes('\u0000')) bad('name', 'must be 1-200 characters');
  const level = o.level;
  if (!Number.isInteger(level) || (level as number) < 1 || (level as number) > MAX_COMMITMENT_LEVEL) bad('level', `must be 1, 2 or 3`);
  const parentCode = o.parentCode === undefined || o.parentCode === null ? null : o.parentCode;
  if (parentCode !== null && (typeof parentCode !== 'string' || !CODE_PATTERN.test(parentCode))) bad('parentCode', 'must be a commitment code');
  const target = o.targetMinutes;
  if (!Number.isInteger(target) || (target as number) < 1 || (target as number) > MAX_TARGET_MINUTES) {
    bad('targetMinutes', `must be a whole number of minutes from 1 to ${MAX_TARGET_MINUTES}`);
  }
  const warn = o.warnAtPercent === undefined || o.warnAtPercent === null ? DEFAULT_WARN_AT_PERCENT : o.warnAtPercent;
  if (!Number.isInteger(warn) || (warn as number) < 1 || (warn as number) > 99) bad('warnAtPercent', 'must be a whole number from 1 to 99');
  const owner = o.ownerUnitId === undefined || o.ownerUnitId === null ? null : o.ownerUnitId;
  if (owner !== null && (typeof owner !== 'string' || owner === '')) bad('ownerUnitId', 'must be an org unit id');
  return {
    code,
    name,
    level: level as number,
    parentCode: parentCode as string | null,
    targetMinutes: target as number,
    warnAtPercent: warn as number,
    ownerUnitId: owner as string | null,
  };
}

/**
 * The tree rules over a whole catalogue (stored definitions merged with the
 * new ones): a level-1 node has no parent, a level-n+1 node's parent is of
 * level n, a child's target is at most its parent's, owners exist. `entryOf`
 * names a definition in messages.
 */
export function treeProblems(
  catalogue: ReadonlyMap<string, CommitmentDefinition>,
  unitExists: (id: string) => boolean,
  entryOf: (code: string) => string,
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  for (const d of catalogue.values()) {
    const entry = entryOf(d.code);
    if (d.ownerUnitId !== null && !unitExists(d.ownerUnitId)) {
      problems.push({ entry, field: 'ownerUnitId', message: `unknown owner unit "${d.ownerUnitId}"` });
    }
    if (d.level === 1) {
      if (d.parentCode !== null) problems.push({ entry, field: 'parentCode', message: 'a level-1 commitment has no parent' });
      continue;
    }
    if (d.parentCode === null) {
      problems.push({ entry, field: 'parentCode', message: `a level-${d.level} commitment needs a "parentCode"` });
      continue;
    }
    const parent = catalogue.get(d.parentCode);
    if (!parent) {
      problems.push({ entry, field: 'parentCode', message: `unknown parent "${d.parentCode}"` });
      continue;
    }
    if (parent.level !== d.level - 1) {
      problems.push({ entry, field: 'parentCode', message: `a level-${d.level} commitment must sit under a level-${d.level - 1} one, "${parent.code}" is level ${parent.level}` });
    }
    if (d.targetMinutes > parent.targetMinutes) {
      problems.push({ entry, field: 'targetMinutes', message: `"targetMinutes" ${d.targetMinutes} exceeds its parent "${parent.code}"'s ${parent.targetMinutes}` });
    }
  }
  return problems;
}

/**
 * Reads the bootstrap file's `commitments` and checks the catalogue they make
 * with the stored one. Returns the definitions and every problem.
 */
export function parseCatalogue(
  raw: readonly unknown[],
  stored: readonly CommitmentDefinition[],
  unitExists: (id: string) => boolean,
): { definitions: CommitmentDefinition[]; problems: CatalogueProblem[] } {
  const problems: CatalogueProblem[] = [];
  const definitions: CommitmentDefinition[] = [];
  const entryByCode = new Map<string, string>();
  raw.forEach((r, i) => {
    const code = (r as { code?: unknown } | null)?.code;
    const entry = `commitments[${i}]${typeof code === 'string' && code !== '' ? ` ("${code}")` : ''}`;
    const d = readDefinition(r, entry, problems);
    if (d.code === '') return;
    if (entryByCode.has(d.code)) problems.push({ entry, field: 'code', message: `duplicate commitment code "${d.code}"` });
    else entryByCode.set(d.code, entry);
    definitions.push(d);
  });
  // An entry whose own fields are bad is named once, for them, not again for the tree.
  const broken = new Set(problems.map((p) => p.entry));
  const merged = new Map(stored.map((d) => [d.code, d]));
  for (const d of definitions) if (entryByCode.get(d.code) !== undefined) merged.set(d.code, d);
  const entryOf = (code: string): string => entryByCode.get(code) ?? `stored commitment "${code}"`;
  problems.push(...treeProblems(merged, unitExists, entryOf).filter((p) => !broken.has(p.entry)));
  return { definitions, problems };
}

/** The catalogue in memory: look-ups by code and the trees under each level-1 code. */
export class CommitmentCatalogue {
  private readonly byCode = new Map<string, CommitmentDefinition>();
  private readonly childrenOf = new Map<string, CommitmentDefinition[]>();

  constructor(definitions: Iterable<CommitmentDefinition>) {
    for (const d of definitions) this.byCode.set(d.code, d);
    for (const d of [...this.byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
      if (d.parentCode === null) continue;
      const list = this.childrenOf.get(d.parentCode) ?? [];
      list.push(d);
      this.childrenOf.set(d.parentCode, list);
    }
  }

  get size(): number {
    return this.byCode.size;
  }

  all(): CommitmentDefinition[] {
    return [...this.byCode.values()];
  }

  get(code: string): CommitmentDefinition | undefined {
    return this.byCode.get(code);
  }

  /** Does a touchpoint naming this code start a tracked instance? */
  isTracked(code: string | null | undefined): boolean {
    return code != null && this.byCode.get(code)?.level === 1;
  }

  children(code: string): CommitmentDefinition[] {
    return this.childrenOf.get(code) ?? [];
  }

  /** The level-1 definition and every step below it, parents before children. */
  tree(rootCode: string): CommitmentDefinition[] {
    const root = this.byCode.get(rootCode);
    if (!root) return [];
    const out = [root];
    for (let i = 0; i < out.length && out.length <= this.byCode.size; i++) out.push(...this.children(out[i].code));
    return out;
  }
}
