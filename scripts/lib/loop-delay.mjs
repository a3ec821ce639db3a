/**
 * Preloaded into the server by `npm run load` (NODE_OPTIONS=--import): measures how late the
 * server's event loop runs (perf_hooks.monitorEventLoopDelay) and writes one line a second to
 * stderr, `loop-delay {"p50":…,"p99":…,"max":…}` in ms. A long delay means the server's own code
 * blocked the loop (a big synchronous step); slow health answers with a short delay mean the
 * process was waiting for the CPU. Diagnostics for the load script only: the app never loads it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (ns) => Math.round(ns / 1e6);
setInterval(() => {
  const figures = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
  histogram.reset();
  process.stderr.write(`loop-delay ${JSON.stringify(figures)}\n`);
}, 1000).unref();
