import { Database, distributionProblems, readSchemaKeys, type SchemaKeys } from '@qihe/data';
import { openMigratedTestDatabase } from '../support/test-database';

// The schema as Citus would need it (docs/SCALE.md): the migrated schema's
// tables, unique keys and foreign keys, read from pg_catalog, against the
// declared plan (libs/data/src/distribution-plan.ts). A new table, a new key
// or a changed one fails here until the plan (and SCALE.md) say how it is placed.

let close: () => Promise<void>;
let db: Database;
let schema: SchemaKeys;

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 2 }));
  schema = await readSchemaKeys(db);
}, 60_000);

afterAll(async () => {
  await close?.();
});

it('reads the schema: tables, primary keys, unique constraints and partial unique indexes, foreign keys', () => {
  expect(schema.tables).toEqual(expect.arrayContaining(['touchpoint', 'rollup_hour', 'org_unit', 'follow_up']));
  const key = (name: string) => schema.uniqueKeys.find((k) => k.name === name)?.columns;
  expect(key('rollup_hour_pkey')).toEqual(['unit_id', 'dim', 'hour', 'val']);
  expect(key('follow_up_cause_uq')).toEqual(['unit_id', 'cause_key']); // partial (WHERE cause_key IS NOT NULL)
  expect(schema.foreignKeys.find((f) => f.table === 'site' && f.parent === 'org_unit')?.columns).toEqual(['unit_id']);
});

it('matches the distribution plan: every table placed, every unique key of a distributed table holding its distribution column (but the listed gaps), only foreign keys Citus accepts', () => {
  expect(distributionProblems(schema)).toEqual([]);
});

it('fails when the schema drifts: a new table, a unique key without unit_id, a foreign key into a distributed table', async () => {
  await db.query(`CREATE TABLE drift_probe (id uuid PRIMARY KEY, unit_id text NOT NULL)`);
  await db.query(`CREATE UNIQUE INDEX rollup_day_drift_uq ON rollup_day (day)`);
  // A reference table pointing into a distributed one (replicated rows cannot check a sharded parent).
  await db.query(`ALTER TABLE indicator_target ADD COLUMN drift_tp uuid CONSTRAINT indicator_target_drift_fk REFERENCES follow_up (id)`);
  try {
    const problems = distributionProblems(await readSchemaKeys(db));
    expect(problems).toEqual(
      expect.arrayContaining([
        'table drift_probe is not placed in the distribution plan',
        expect.stringMatching(/^unique key rollup_day_drift_uq of rollup_day lacks its distribution column unit_id/),
        expect.stringMatching(/^foreign key indicator_target_drift_fk of indicator_target → follow_up is one Citus refuses/),
      ]),
    );
  } finally {
    await db.query(`DROP TABLE drift_probe`);
    await db.query(`DROP INDEX rollup_day_drift_uq`);
    await db.query(`ALTER TABLE indicator_target DROP COLUMN drift_tp`);
  }
  expect(distributionProblems(await readSchemaKeys(db))).toEqual([]);
});
