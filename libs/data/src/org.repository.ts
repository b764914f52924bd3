import { textArray } from './pg-array';
import type { OrgLevel, OrgUnitRecord, Role } from '@qihe/domain';
import type { Sql } from './database';

export async function loadUnits(sql: Sql): Promise<OrgUnitRecord[]> {
  const rows = await sql.query<Omit<OrgUnitRecord, 'level'> & { level: string }>(
    `SELECT id, name, level, parent_id AS "parentId", region, industry FROM org_unit ORDER BY id`,
  );
  return rows.map((r) => ({ ...r, level: r.level as OrgLevel }));
}

/** Creates or updates units; parents must come before their children. */
export async function upsertUnits(sql: Sql, units: readonly OrgUnitRecord[]): Promise<void> {
  let changed = 0;
  for (const u of units) {
    const rows = await sql.query(
      `INSERT INTO org_unit (id, name, level, parent_id, region, industry) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_id = EXCLUDED.parent_id,
         region = EXCLUDED.region, industry = EXCLUDED.industry, updated_at = now()
       WHERE (org_unit.name, org_unit.level, org_unit.parent_id, org_unit.region, org_unit.industry)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_id, EXCLUDED.region, EXCLUDED.industry)
       RETURNING 1`,
      [u.id, u.name, u.level, u.parentId, u.region, u.industry],
    );
    changed += rows.length;
  }
  // The drill-down plans its subtree semi-join from org_unit_subtree's statistics (a group's
  // 10,000 units vs a project's one): fresh ones now, not when autovacuum gets to it.
  if (changed > 0) await sql.query('ANALYZE org_unit_subtree');
}

export interface UserRow {
  username: string;
  passwordHash: string;
  role: Role;
  unitId: string;
  /** Bumped on a change of role, unit or password and on revocation; a token signed under another version is refused. */
  tokenVersion: number;
}

/** What a token is checked against on every request. */
export type UserAccess = Pick<UserRow, 'role' | 'unitId' | 'tokenVersion'>;

/** What upsertUser did: tokens of a `changed` user were revoked. */
export type UserUpsert = 'created' | 'changed' | 'unchanged';

export async function findUser(sql: Sql, username: string): Promise<UserRow | null> {
  const rows = await sql.query<UserRow>(
    `SELECT username, password_hash AS "passwordHash", role, unit_id AS "unitId", token_version AS "tokenVersion" FROM app_user WHERE username = $1`,
    [username],
  );
  return rows[0] ?? null;
}

/** One primary-key probe: the user's role, unit and token version now. */
export async function findUserAccess(sql: Sql, username: string): Promise<UserAccess | null> {
  const rows = await sql.query<UserAccess>(
    `SELECT role, unit_id AS "unitId", token_version AS "tokenVersion" FROM app_user WHERE username = $1`,
    [username],
  );
  return rows[0] ?? null;
}

/** One index scan for many users (the feed's periodic token re-check): their access now, by username. */
export async function findUsersAccess(sql: Sql, usernames: readonly string[]): Promise<Map<string, UserAccess>> {
  const rows = await sql.query<UserAccess & { username: string }>(
    `SELECT username, role, unit_id AS "unitId", token_version AS "tokenVersion" FROM app_user WHERE username = ANY($1::text[])`,
    [textArray(usernames)],
  );
  return new Map(rows.map(({ username, ...access }) => [username, access]));
}

/** Creates a user or changes their password, role or unit; a change revokes every token they hold. */
export async function upsertUser(sql: Sql, u: Omit<UserRow, 'tokenVersion'>): Promise<UserUpsert> {
  const rows = await sql.query<{ created: boolean }>(
    `INSERT INTO app_user (username, password_hash, role, unit_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
       unit_id = EXCLUDED.unit_id, token_version = app_user.token_version + 1, updated_at = now()
     WHERE (app_user.password_hash, app_user.role, app_user.unit_id)
       IS DISTINCT FROM (EXCLUDED.password_hash, EXCLUDED.role, EXCLUDED.unit_id)
     RETURNING xmax = 0 AS created`,
    [u.username, u.passwordHash, u.role, u.unitId],
  );
  return rows.length === 0 ? 'unchanged' : rows[0].created ? 'created' : 'changed';
}

/** Revokes every token the user holds; false when there is no such user. */
export async function revokeUserTokens(sql: Sql, username: string): Promise<boolean> {
  const rows = await sql.query(`UPDATE app_user SET token_version = token_version + 1, updated_at = now() WHERE username = $1 RETURNING 1`, [username]);
  return rows.length > 0;
}

export interface SiteRow {
  id: string;
  unitId: string;
  keyHash: string;
}

export async function findSiteByKeyHash(sql: Sql, keyHash: string): Promise<SiteRow | null> {
  const rows = await sql.query<SiteRow>(`SELECT id, unit_id AS "unitId", key_hash AS "keyHash" FROM site WHERE key_hash = $1`, [keyHash]);
  return rows[0] ?? null;
}

export async function findSiteById(sql: Sql, id: string): Promise<SiteRow | null> {
  const rows = await sql.query<SiteRow>(`SELECT id, unit_id AS "unitId", key_hash AS "keyHash" FROM site WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function upsertSite(sql: Sql, s: SiteRow): Promise<void> {
  await sql.query(
    `INSERT INTO site (id, unit_id, key_hash) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, key_hash = EXCLUDED.key_hash, updated_at = now()`,
    [s.id, s.unitId, s.keyHash],
  );
}
