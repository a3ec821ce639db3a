/**
 * Early refusals on a real keep-alive connection, against the production server: a client that
 * reuses its connection after a refusal sent before the body was read must get its next answer
 * at once. Before the fix the refusal said `Connection: keep-alive` while the server had stopped
 * reading the socket: the next request waited about 6 s and was reset (ECONNRESET).
 * No browser: node:http's keep-alive agent is the client, as a proxy or an API client would be.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

const MB = 1024 * 1024;
const BOUNDARY = 'keep-alive-boundary';
const FIELDS = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/standard-appeal.json'), 'utf8')) as Record<string, string>;

type Part = { name: string; value: string } | { name: string; filename: string; bytes: Buffer };

function multipart(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('bytes' in part) {
      chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: image/jpeg\r\n\r\n`), part.bytes, Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

const fields = (overrides: Record<string, string> = {}): Part[] => Object.entries({ ...FIELDS, locale: 'en', ...overrides }).map(([name, value]) => ({ name, value }));
const file = (name: string, filename: string, size: number): Part => ({ name, filename, bytes: Buffer.alloc(size, 0xab) });

type Answer = { status: number; connection: string | undefined; socket: unknown; ms: number };

/** One request on the agent; `chunked` sends the body without a Content-Length. */
function send(agent: http.Agent, base: URL, method: string, pathname: string, body?: Buffer, chunked = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string> = body ? { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } : {};
    if (body && !chunked) headers['content-length'] = String(body.length);
    const request = http.request({ host: base.hostname, port: base.port, method, path: pathname, agent, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, socket: request.socket, ms: performance.now() - started }));
      response.on('error', reject);
    });
    // The server may stop reading an upload it refused: the write side may then fail, harmlessly.
    request.on('error', (error) => (request.socket ? undefined : reject(error)));
    if (!body) return void request.end();
    // 256 KB pieces, as a network delivers them.
    for (let offset = 0; offset < body.length; offset += 256 * 1024) request.write(body.subarray(offset, offset + 256 * 1024));
    request.end();
  });
}

const CASES: { name: string; path: string; status: number; body: () => Buffer; chunked?: boolean }[] = [
  { name: '413 over 60 MB announced in Content-Length', path: '/api/appeal', status: 413, body: () => multipart([...fields(), file('extra', 'video.jpg', 61 * MB)]) },
  { name: '413 too many box photos', path: '/api/appeal', status: 413, body: () => multipart([...fields(), ...[1, 2, 3, 4].map((n) => file('boxPhoto', `${n}.jpg`, MB)), file('receipt', 'r.jpg', MB)]) },
  { name: '413 a file over 25 MB', path: '/api/appeal', status: 413, body: () => multipart([...fields(), file('receipt', 'scan.jpg', 26 * MB), file('boxPhoto', 'b.jpg', MB)]) },
  {
    name: '413 over 60 MB in all, sent chunked',
    path: '/api/appeal',
    status: 413,
    chunked: true,
    body: () => multipart([...fields(), ...[1, 2, 3].map((n) => file('extra', `${n}.jpg`, 21 * MB)), file('boxPhoto', 'b.jpg', MB)]),
  },
  { name: '400 a file under an unknown field', path: '/api/appeal', status: 400, body: () => multipart([...fields(), file('avatar', 'me.jpg', 2 * MB), file('boxPhoto', 'b.jpg', MB)]) },
  { name: '400 a field far too long', path: '/api/appeal', status: 400, body: () => multipart([...fields({ notes: 'x'.repeat(40_000) }), file('boxPhoto', 'b.jpg', 2 * MB)]) },
  { name: 'evidence check: 400 a file under an unknown field', path: '/api/evidence-check', status: 400, body: () => multipart([file('avatar', 'me.jpg', MB), file('boxPhoto', 'b.jpg', MB)]) },
  { name: 'evidence check: 413 a file over 25 MB, sent chunked', path: '/api/evidence-check', status: 413, chunked: true, body: () => multipart([file('boxPhoto', 'scan.jpg', 26 * MB)]) },
  // Announced by its Content-Length, it is read to the file's limit to be refused by its name.
  { name: 'evidence check: 413 a file over 25 MB, with its Content-Length', path: '/api/evidence-check', status: 413, body: () => multipart([file('boxPhoto', 'scan.jpg', 26 * MB)]) },
];

test.describe('a refusal before the body is read never strands a keep-alive connection', () => {
  test.beforeEach(() => test.skip(test.info().project.name !== 'desktop', 'HTTP only: one project is enough'));

  for (const { name, path: pathname, status, body, chunked } of CASES) {
    test(name, async ({ baseURL }) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const base = new URL(baseURL!);
        const refused = await send(agent, base, 'POST', pathname, body(), chunked);
        expect(refused.status).toBe(status);
        // The server says it closes the connection, so the agent opens a fresh one for the next request.
        expect(refused.connection).toBe('close');
        const next = await send(agent, base, 'GET', '/api/health');
        expect(next.status).toBe(200);
        expect(next.ms).toBeLessThan(2000);
      } finally {
        agent.destroy();
      }
    });
  }

  test('a refusal after the whole body was read keeps the connection for the next request', async ({ baseURL }) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const base = new URL(baseURL!);
      const refused = await send(agent, base, 'POST', '/api/appeal', multipart([...fields({ contactEmail: 'not an address' }), file('boxPhoto', 'b.jpg', MB)]));
      expect(refused.status).toBe(400);
      expect(refused.connection).toBe('keep-alive');
      const next = await send(agent, base, 'GET', '/api/health');
      expect(next.status).toBe(200);
      expect(next.socket).toBe(refused.socket);
    } finally {
      agent.destroy();
    }
  });
});
