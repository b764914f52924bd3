import type { Database, Sql } from '@qihe/data';

// The plan tests' way into PostgreSQL's plans: a Sql that, instead of running
// a statement, runs EXPLAIN (ANALYZE, FORMAT JSON) of it with the same
// parameters and answers with canned rows, so a repository function's own
// statements are explained as it sends them.

/** A node of EXPLAIN's plan tree, with the fields the plan tests read. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Plan Rows': number;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

export interface ExplainedStatement {
  plan: PlanNode;
  planningMs: number;
}

/**
 * Runs `work` and returns, in order, the plan of each statement it sent. Only
 * statements `explained` picks are explained (the rest run as they are); an
 * explained statement answers `answer` — or, with `realReads`, a SELECT its
 * real rows (run once more after its EXPLAIN), so that work going on from
 * what it read is explained as it really goes on (a write ran once, under
 * EXPLAIN ANALYZE, and answers no rows).
 */
export async function explainStatements(
  db: Database,
  work: (sql: Sql) => Promise<unknown>,
  opts: { explained?: (text: string) => boolean; answer?: unknown[]; realReads?: boolean } = {},
): Promise<ExplainedStatement[]> {
  const out: ExplainedStatement[] = [];
  const explaining: Sql = {
    async query<T>(text: string, params?: unknown[]): Promise<T[]> {
      if (opts.explained && !opts.explained(text)) return db.query<T>(text, params);
      const [row] = await db.query<{ 'QUERY PLAN': { Plan: PlanNode; 'Planning Time': number }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, params);
      out.push({ plan: row['QUERY PLAN'][0].Plan, planningMs: row['QUERY PLAN'][0]['Planning Time'] });
      if (opts.realReads) return text.trimStart().startsWith('SELECT') ? db.query<T>(text, params) : [];
      return (opts.answer ?? [{}]) as T[];
    },
  };
  await work(explaining);
  return out;
}

/** Every node of the plan, depth first. */
export function planNodes(n: PlanNode): PlanNode[] {
  return [n, ...(n.Plans ?? []).flatMap(planNodes)];
}

/** The rows scans of the relations `rel` picks returned or threw away, summed over the plan. */
export function rowsReadFrom(n: PlanNode, rel: (name: string) => boolean): number {
  return planNodes(n)
    .filter((s) => rel(s['Relation Name'] ?? ''))
    .reduce((sum, s) => sum + s['Actual Rows'] * s['Actual Loops'] + (s['Rows Removed by Filter'] ?? 0) + (s['Rows Removed by Index Recheck'] ?? 0), 0);
}
