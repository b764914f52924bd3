import type { Sql } from '@qihe/data';

// Who may sign in here and which units this site serves, as last learnt from the gateway.

export interface KnownUser {
  username: string;
  passwordHash: string;
  role: string;
  unitId: string;
}

export async function findKnownUser(sql: Sql, username: string): Promise<KnownUser | null> {
  const [row] = await sql.query<KnownUser>(
    `SELECT username, password_hash AS "passwordHash", role, unit_id AS "unitId" FROM site_user WHERE username = $1`,
    [username],
  );
  return row ?? null;
}

export async function saveKnownUser(sql: Sql, user: KnownUser): Promise<void> {
  await sql.query(
    `INSERT INTO site_user (username, password_hash, role, unit_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, unit_id = EXCLUDED.unit_id, updated_at = now()`,
    [user.username, user.passwordHash, user.role, user.unitId],
  );
}

export async function forgetKnownUser(sql: Sql, username: string): Promise<void> {
  await sql.query(`DELETE FROM site_user WHERE username = $1`, [username]);
}

export interface KnownUnit {
  id: string;
  parentId: string | null;
}

export async function loadSiteUnits(sql: Sql): Promise<KnownUnit[]> {
  return sql.query<KnownUnit>(`SELECT id, parent_id AS "parentId" FROM site_unit ORDER BY id`);
}

/** Replaces the known subtree with the gateway's current list (in the caller's transaction). */
export async function replaceSiteUnits(sql: Sql, units: KnownUnit[]): Promise<void> {
  await sql.query(`DELETE FROM site_unit`);
  if (units.length === 0) return;
  await sql.query(`INSERT INTO site_unit (id, parent_id) SELECT id, parent_id FROM jsonb_to_recordset($1::jsonb) AS x(id text, parent_id text)`, [
    JSON.stringify(units.map((u) => ({ id: u.id, parent_id: u.parentId }))),
  ]);
}
