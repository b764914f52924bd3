import type { CustomerLookup } from '@qihe/client';
import type { Sql } from '@qihe/data';

// The site's cache of the gateway's customer answers (site_customer_copy), one
// row per customer and scope unit, bounded by age and by count.

type Timestamp = Date | string;

export interface CustomerCopy {
  answer: CustomerLookup;
  fetchedAt: Date;
}

/** Stores the gateway's answer for (customer, scope unit), replacing the one before. */
export async function saveCustomerCopy(sql: Sql, customerId: string, scopeUnitId: string, answer: CustomerLookup, fetchedAt: Date): Promise<void> {
  await sql.query(
    `INSERT INTO site_customer_copy (customer_id, scope_unit_id, answer, fetched_at) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (customer_id, scope_unit_id) DO UPDATE SET answer = EXCLUDED.answer, fetched_at = EXCLUDED.fetched_at
       WHERE site_customer_copy.fetched_at <= EXCLUDED.fetched_at`,
    [customerId, scopeUnitId, JSON.stringify(answer), fetchedAt.toISOString()],
  );
}

/** The last answer for exactly this scope unit (never one asked for a wider or another unit); null when none is younger than `maxAgeMs`. */
export async function findCustomerCopy(sql: Sql, customerId: string, scopeUnitId: string, maxAgeMs: number): Promise<CustomerCopy | null> {
  const [row] = await sql.query<{ answer: CustomerLookup | string; fetched_at: Timestamp }>(
    `SELECT answer, fetched_at FROM site_customer_copy
      WHERE customer_id = $1 AND scope_unit_id = $2 AND fetched_at > now() - make_interval(secs => $3::float8 / 1000)`,
    [customerId, scopeUnitId, maxAgeMs],
  );
  if (!row) return null;
  // PGlite and node-postgres both parse jsonb; a string is tolerated all the same.
  const answer = typeof row.answer === 'string' ? (JSON.parse(row.answer) as CustomerLookup) : row.answer;
  return { answer, fetchedAt: row.fetched_at instanceof Date ? row.fetched_at : new Date(row.fetched_at) };
}

/** Keeps the cache bounded: drops copies older than `maxAgeMs`, then all but the `keep` most recently fetched. Returns how many went. */
export async function pruneCustomerCopies(sql: Sql, keep: number, maxAgeMs: number): Promise<number> {
  const old = await sql.query<{ customer_id: string }>(
    `DELETE FROM site_customer_copy WHERE fetched_at <= now() - make_interval(secs => $1::float8 / 1000) RETURNING customer_id`,
    [maxAgeMs],
  );
  const over = await sql.query<{ customer_id: string }>(
    `DELETE FROM site_customer_copy c USING (
        SELECT customer_id, scope_unit_id FROM site_customer_copy ORDER BY fetched_at DESC, customer_id, scope_unit_id OFFSET $1
      ) x
      WHERE c.customer_id = x.customer_id AND c.scope_unit_id = x.scope_unit_id RETURNING c.customer_id`,
    [keep],
  );
  return old.length + over.length;
}

export async function countCustomerCopies(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM site_customer_copy`);
  return Number(row.n);
}
