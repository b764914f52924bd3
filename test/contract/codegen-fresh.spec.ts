import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The generated document types are committed (a type check needs no build
// step first): they must be what `npm run codegen` makes of today's SDLs and
// documents. The generator's own dry run says which files would change.

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'node_modules/.bin/graphql-codegen');

jest.setTimeout(120_000);

it('every generated file is what `npm run codegen` writes today', () => {
  const run = spawnSync(process.execPath, [CLI, '--config', 'codegen.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
  const said = `${run.stdout}\n${run.stderr}`;
  const stale = [...said.matchAll(/^\s+- (\S+)$/gm)].map((m) => `${m[1]} is stale: run \`npm run codegen\` and commit the result`);
  expect({ stale, status: run.status }).toEqual({ stale: [], status: 0 });
});
