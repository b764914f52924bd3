import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SERVICE_NODE_FLAGS } from './service-flags';

// The flags the demo, the bench and the end-to-end tests start the services with are the ones a user's
// `npm start` and `npm run site` use, and Node takes them.

const scripts = (JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('how Node runs the services', () => {
  it.each([
    ['start', 'dist/apps/gateway/src/main.js'],
    ['site', 'dist/apps/site/src/main.js'],
  ])('npm run %s passes SERVICE_NODE_FLAGS to node', (script, main) => {
    expect(scripts[script]).toContain(`node ${SERVICE_NODE_FLAGS.join(' ')} ${main}`);
  });

  it('gives V8 a larger young generation than its default', () => {
    // The young generation starts small and grows under load up to its maximum: allocating makes it grow
    // (here to 32 MB by default, 64 MB with the flags).
    const grown = (flags: readonly string[]): number =>
      Number(
        execFileSync(
          process.execPath,
          [...flags, '-e', "let k = []; for (let i = 0; i < 3e6; i++) { k.push({ i }); if (k.length > 2e5) k = []; } process.stdout.write(String(require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size))"],
          { encoding: 'utf8' },
        ),
      );
    expect(grown(SERVICE_NODE_FLAGS)).toBeGreaterThan(grown([]));
  });
});
