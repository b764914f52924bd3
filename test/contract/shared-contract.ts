import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The brief's contract files (shared/contract/*.graphql) sit beside the clone
// in CI and in the lead's checkout (../shared), and beside the folder holding a
// git worktree (../../shared). A user's clone may have neither: the product and
// its docs never read them, only this dev test does.
export function sharedContractDir(): string | null {
  for (let dir = join(__dirname, '../..'); ; dir = dirname(dir)) {
    const candidate = join(dirname(dir), 'shared', 'contract');
    if (existsSync(join(candidate, 'schema.graphql'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}
