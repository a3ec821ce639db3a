export const dynamic = 'force-dynamic';

/** Liveness for load balancers and the test server: the app holds no state, so "up" is enough. */
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
