/**
 * The page Content-Security-Policy, built per request around a fresh nonce (see proxy.ts).
 *
 * Why a nonce and not 'unsafe-inline': Next.js streams inline bootstrap and hydration scripts;
 * with a nonce only those run, so an injected <script> does not. Every page is already rendered
 * per request (the layout reads the locale from the cookie / Accept-Language), so nonces cost no
 * static optimisation here.
 */

/** Browsers compile WebAssembly only with this; it does not allow eval() (barcode reading, zxing-wasm). */
const WASM = "'wasm-unsafe-eval'";

export function buildPageCsp(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic' lets the nonced bootstrap load Next's chunks; 'self' is the fallback for
    // browsers without CSP3. React needs eval only in development (server error stacks).
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", WASM, ...(dev ? ["'unsafe-eval'"] : [])],
    // Styles cannot run code, and Next's built-in error pages and style attributes carry no nonce.
    // What an injected style could still do is leak page text through url() loads, and img-src,
    // font-src and connect-src below keep those on this origin.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'blob:', 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    // The evidence step previews photos and may decode barcodes in a worker.
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // No upgrade-insecure-requests: behind a TLS terminator it adds nothing (HSTS belongs there),
    // and on a plain-HTTP LAN address it would send every script to https:// and break the app.
  };
  return serializeCsp(directives);
}

function serializeCsp(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** 128 random bits, base64: unguessable per response, as CSP nonces must be. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
