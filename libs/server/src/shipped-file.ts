import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Finds a file shipped with the project (demo org, built console) from the sources or from dist/. */
export function shippedFile(relative: string): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return resolve(relative);
}
