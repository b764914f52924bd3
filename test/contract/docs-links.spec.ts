import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The README and docs/ stand alone: every file they point to is in the
// repository (a user's clone has no ../shared beside it).

const ROOT = resolve(__dirname, '../..');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Every markdown link target of a page that is not a URL or an anchor of the page itself. */
export function localLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].split('#')[0]).filter((t) => t !== '' && !/^[a-z]+:/i.test(t));
}

describe.each(PAGES)('%s', (page) => {
  const text = readFileSync(join(ROOT, page), 'utf8');

  it('links only to files that exist inside the repository', () => {
    const bad = localLinks(text)
      .map((target) => ({ target, path: resolve(dirname(join(ROOT, page)), target) }))
      .filter(({ path }) => relative(ROOT, path).startsWith('..') || !existsSync(path))
      .map(({ target }) => target);
    expect(bad).toEqual([]);
  });

  it('names no file beside the repository (../shared)', () => {
    expect(text.match(/\.\.\/shared\b[^\s)`]*/g) ?? []).toEqual([]);
  });
});

it('finds the links it checks', () => {
  expect(localLinks('[a](docs/feed.md) [b](https://x.y) [c](#here) [d](../shared/x.md#y)')).toEqual(['docs/feed.md', '../shared/x.md']);
});
