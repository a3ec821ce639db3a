import { describe, expect, it } from 'vitest';

import { buildPageCsp, createNonce } from '@/lib/security/content-security-policy';

function directive(csp: string, name: string): string[] {
  const found = csp.split('; ').find((part) => part.split(' ')[0] === name);
  return found ? found.split(' ').slice(1) : [];
}

describe('buildPageCsp', () => {
  const csp = buildPageCsp('abc123');

  it('lets only nonced scripts and WebAssembly run, never eval or inline code', () => {
    expect(directive(csp, 'script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'", "'wasm-unsafe-eval'"]);
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('keeps every load on this origin and forbids framing', () => {
    expect(directive(csp, 'default-src')).toEqual(["'self'"]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'"]);
    expect(directive(csp, 'img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(directive(csp, 'font-src')).toEqual(["'self'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'base-uri')).toEqual(["'none'"]);
  });

  it('adds eval only for the development server', () => {
    expect(directive(buildPageCsp('n', { dev: true }), 'script-src')).toContain("'unsafe-eval'");
  });

  it('is a single header line', () => {
    expect(csp).not.toMatch(/[\r\n]/);
  });
});

describe('createNonce', () => {
  it('gives 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
