import { type NextRequest, NextResponse } from 'next/server';

import { buildPageCsp, createNonce } from '@/lib/security/content-security-policy';

/**
 * Gives every page a fresh CSP nonce. Next reads the nonce from the request's CSP header and puts
 * it on its own inline scripts; the browser gets the same policy on the response.
 */
export function proxy(request: NextRequest) {
  const csp = buildPageCsp(createNonce(), { dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Never /api/**: the proxy clones request bodies only up to 10 MB and silently truncates the
  // rest, which would corrupt uploads; API responses get a fixed policy from next.config.mjs.
  // Static chunks need no nonce. The same paths are listed in next.config.mjs (NON_PAGE_PATHS).
  matcher: ['/((?!api(?:/|$)|_next/static/|_next/image|favicon\\.ico$).*)'],
};
