import type { OrgLevel } from './vocabulary';

export interface OrgUnitRecord {
  id: string;
  name: string;
  level: OrgLevel;
  parentId: string | null;
  region: string | null;
  industry: string | null;
}

/** The org tree in memory: subtree and ancestor look-ups in O(depth) or O(subtree). */
export class OrgTree {
  private readonly byId = new Map<string, OrgUnitRecord>();
  private readonly childrenOf = new Map<string, OrgUnitRecord[]>();

  constructor(units: Iterable<OrgUnitRecord>) {
    for (const u of units) this.byId.set(u.id, u);
    for (const u of [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id))) {
      if (u.parentId === null) continue;
      const list = this.childrenOf.get(u.parentId) ?? [];
      list.push(u);
      this.childrenOf.set(u.parentId, list);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  all(): OrgUnitRecord[] {
    return [...this.byId.values()];
  }

  get(id: string): OrgUnitRecord | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  children(id: string): OrgUnitRecord[] {
    return this.childrenOf.get(id) ?? [];
  }

  root(): OrgUnitRecord | undefined {
    for (const u of this.byId.values()) if (u.parentId === null) return u;
    return undefined;
  }

  /** The unit itself, then its parent, up to the root. */
  lineage(id: string): string[] {
    const out: string[] = [];
    let cur = this.byId.get(id);
    while (cur && out.length <= this.byId.size) {
      out.push(cur.id);
      cur = cur.parentId === null ? undefined : this.byId.get(cur.parentId);
    }
    return out;
  }

  /** True when `unitId` is `scopeId` or lies below it. */
  contains(scopeId: string, unitId: string): boolean {
    return this.lineage(unitId).includes(scopeId);
  }

  /** The unit and every unit below it, parents before children. */
  subtree(id: string): OrgUnitRecord[] {
    const start = this.byId.get(id);
    if (!start) return [];
    // Breadth-first with the output as the queue (shift() would make it quadratic);
    // `seen` keeps a malformed, cyclic tree from looping forever.
    const out: OrgUnitRecord[] = [start];
    const seen = new Set([start.id]);
    for (let i = 0; i < out.length; i++) {
      for (const c of this.children(out[i].id)) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        out.push(c);
      }
    }
    return out;
  }
}
