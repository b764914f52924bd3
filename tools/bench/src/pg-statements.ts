import { withClient } from './pg';

// Where PostgreSQL's time went during a phase, statement by statement, when
// the bench's cluster loads pg_stat_statements (`--profile` does): execution
// time per touchpoint sent, calls, rows.

export interface StatementCost {
  query: string;
  calls: number;
  rows: number;
  /** Execution time (ms, all calls) per touchpoint sent, in µs. */
  usPerTouchpoint: number;
}

export async function resetStatements(dbUrl: string): Promise<boolean> {
  return withClient(dbUrl, async (c) => {
    const loaded = (await c.query(`SELECT 1 FROM pg_settings WHERE name = 'shared_preload_libraries' AND setting LIKE '%pg_stat_statements%'`)).rowCount;
    if (!loaded) return false;
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await c.query('SELECT pg_stat_statements_reset()');
    return true;
  });
}

export async function readStatements(dbUrl: string, touchpoints: number, top = 12): Promise<StatementCost[]> {
  return withClient(dbUrl, async (c) => {
    const { rows } = await c.query<{ query: string; calls: string; rows: string; ms: number }>(
      `SELECT regexp_replace(left(query, 160), '\\s+', ' ', 'g') AS query, calls, rows, total_exec_time AS ms
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY total_exec_time DESC LIMIT $1`,
      [top],
    );
    return rows.map((r) => ({ query: r.query, calls: Number(r.calls), rows: Number(r.rows), usPerTouchpoint: Math.round((r.ms * 1000 * 10) / touchpoints) / 10 }));
  });
}

export const printStatements = (xs: readonly StatementCost[]): string =>
  xs.map((s) => `    ${String(s.usPerTouchpoint).padStart(6)} µs/tp  ${String(s.calls).padStart(6)} calls  ${s.query.slice(0, 110)}`).join('\n');
