/** Today in the user's own time zone as YYYY-MM-DD: the latest date the date picker offers. */
export function localTodayIso(now: Date = new Date()): string {
  const offsetMs = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offsetMs).toISOString().slice(0, 10);
}
