import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, test } from 'vitest';

/**
 * Every lib/ folder is on one side (README, "Where things are"). What may import what is
 * eslint.config.mjs's `no-restricted-imports`; this test holds the other half: server code says
 * so on its first line, so a bundler refuses it in the browser, and nothing else claims to be
 * server code.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => path.join(dir, file));
}

describe('code sides', () => {
  test('every file in lib/server starts with `import \'server-only\'`', () => {
    const files = sourceFiles('lib/server');
    expect(files.length).toBeGreaterThan(10);
    const unmarked = files.filter((file) => !readFileSync(path.join(ROOT, file), 'utf8').startsWith("import 'server-only';"));
    expect(unmarked).toEqual([]);
  });

  test('no lib/ file outside lib/server is marked server-only', () => {
    const marked = sourceFiles('lib')
      .filter((file) => !file.startsWith(`lib${path.sep}server${path.sep}`))
      .filter((file) => /^import 'server-only';/m.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(marked).toEqual([]);
  });
});
