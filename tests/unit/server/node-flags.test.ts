import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

// @ts-expect-error: a plain .mjs script without types
import { SERVER_NODE_FLAGS } from '../../../scripts/lib/start-server.mjs';

/**
 * The heap flag saves a fifth of the server's CPU per bundle (the Dockerfile says why). It is
 * given in three places, since NODE_OPTIONS may not carry it: `npm start`, the image, and the
 * scripts that measure the server as the image runs it. A benchmark of a server started
 * differently from production would report figures nobody gets.
 */
describe('the Node flags the server runs with', () => {
  const flags: string[] = SERVER_NODE_FLAGS;

  it('are the ones the benchmark and load scripts start it with', () => {
    expect(flags).toEqual(['--initial-old-space-size=128']);
  });

  it('are given by npm start', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toContain(`node ${flags.join(' ')} node_modules/next/dist/bin/next start`);
  });

  it('are given by the Docker image', () => {
    const cmd = /^CMD (.*)$/m.exec(readFileSync('Dockerfile', 'utf8'))?.[1];
    expect(cmd && JSON.parse(cmd)).toEqual(['node', ...flags, 'server.js']);
  });
});
