import 'server-only';

/** `Server-Timing` for the browser's network panel and the benchmark: stage names and durations only. */
export function serverTiming(stages: Record<string, number>): string {
  return Object.entries(stages)
    .map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`)
    .join(', ');
}
