/** Runs once when the server starts (`next start` and the standalone server.js alike). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Node's own request timeout must not answer before the app's upload deadline.
  const { tieServerTimeoutsToUploadDeadline } = await import('@/lib/server/server-timeouts');
  tieServerTimeoutsToUploadDeadline();
}
