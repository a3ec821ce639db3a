import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The shared evidence fixtures live beside the repository (../shared/fixtures). */
export const FIXTURES_DIR = path.resolve(__dirname, '../../../shared/fixtures');

export function fixturePath(name: string): string {
  return path.join(FIXTURES_DIR, name);
}

export function readFixture(name: string): Buffer {
  return readFileSync(fixturePath(name));
}
