import type { MigrationInterface, QueryRunner } from 'typeorm';

// A user's tokens carry the token version they were signed under; a change of
// role, unit or password (or an explicit revocation) bumps it, and every
// request compares the two, so an old token stops working at once on every
// replica. Tokens signed before this migration carry no version and are refused.
export class TokenVersions1764200000000 implements MigrationInterface {
  name = 'TokenVersions1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN token_version`);
  }
}
