import type { Database } from '@qihe/data';

// An organisation shaped to test subtree reads at 10,000-unit scale: root →
// bu-big → u-0..u-199 (the units given rows) and e-0..e-4799 (none: a large
// subtree to plan); root → bu-other → o-0 (rows outside bu-big, which a
// bu-big read must never return).

/** The units of bu-big that tests give rows. */
export const BIG_SUBTREE_UNITS = Array.from({ length: 200 }, (_, i) => `u-${i}`);
/** How many units of bu-big stay empty. */
export const BIG_SUBTREE_EMPTY = 4800;

export async function insertBigSubtree(db: Database): Promise<void> {
  await db.query(
    `INSERT INTO org_unit (id, name, level, parent_id) VALUES ('root', 'root', 'GROUP', NULL), ('bu-big', 'big', 'BUSINESS_UNIT', 'root'),
       ('bu-other', 'other', 'BUSINESS_UNIT', 'root'), ('o-0', 'o-0', 'PROJECT', 'bu-other')`,
  );
  await db.query(
    `INSERT INTO org_unit (id, name, level, parent_id) SELECT id, id, 'PROJECT', 'bu-big' FROM unnest($1::text[]) id
     UNION ALL SELECT 'e-' || i, 'e-' || i, 'PROJECT', 'bu-big' FROM generate_series(0, $2::int - 1) i`,
    [BIG_SUBTREE_UNITS, BIG_SUBTREE_EMPTY],
  );
  await db.query('ANALYZE org_unit_subtree');
}
