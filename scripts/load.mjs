#!/usr/bin/env node
/**
 * Load test: builds the app (own output folder), starts the production server on loopback, and
 * has 8 clients post the standard evidence set to POST /api/appeal for 30 s, while the server's
 * resident memory is sampled from /proc. Prints bundles per second, p50/p95 latency, errors
 * (non-2xx, with 503s counted apart) and peak RSS; exits non-zero when any request failed or RSS
 * passed the limit. Stops by itself; stops the server it started.
 *
 * The build and the server are the container's (scripts/lib/start-server.mjs: standalone output,
 * `node server.js`), the request is the standard appeal (scripts/lib/standard-appeal.mjs).
 *
 * Environment: LOAD_PORT (3390), LOAD_DIST_DIR (.next-load), LOAD_SECONDS (30), LOAD_CLIENTS (8),
 * LOAD_RSS_LIMIT_MB (600), LOAD_SKIP_BUILD=1 to reuse a build.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

import autocannon from 'autocannon';

import { encodedAppeal, standardFiles } from './lib/standard-appeal.mjs';
import { buildApp, startServer } from './lib/start-server.mjs';

const PORT = Number(process.env.LOAD_PORT ?? 3390);
const DIST_DIR = process.env.LOAD_DIST_DIR ?? '.next-load';
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 8);
const RSS_LIMIT_MB = Number(process.env.LOAD_RSS_LIMIT_MB ?? 600);

/** Resident memory of a process, from the kernel: current and peak ("high water mark"), in MB. */
function readRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const files = await standardFiles();
  buildApp({ distDir: DIST_DIR, reuse: process.env.LOAD_SKIP_BUILD === '1' });
  const server = await startServer({ distDir: DIST_DIR, port: PORT });
  const BASE_URL = server.url;

  let peakRss = 0;
  let sampler;
  try {
    const { body, contentType } = await encodedAppeal(files);
    console.log(`request body: ${(body.length / 1024 / 1024).toFixed(1)} MB (${files.length} files)`);

    const check = await fetch(`${BASE_URL}/api/appeal`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const checkBytes = Buffer.from(await check.arrayBuffer());
    if (check.status !== 200 || !checkBytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      throw new Error(`the standard set did not produce a bundle: ${check.status} ${checkBytes.subarray(0, 300).toString()}`);
    }
    console.log(`check request: 200, bundle ${(checkBytes.length / 1024).toFixed(0)} KB`);
    const baseline = readRss(server.pid).rss;

    sampler = setInterval(() => {
      peakRss = Math.max(peakRss, readRss(server.pid).rss);
    }, 100);

    const latencies = [];
    const statuses = new Map();
    const instance = autocannon({
      url: `${BASE_URL}/api/appeal`,
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
      connections: CLIENTS,
      pipelining: 1,
      duration: SECONDS,
      timeout: 60,
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
    const result = await instance;
    clearInterval(sampler);
    const { hwm } = readRss(server.pid);
    peakRss = Math.max(peakRss, hwm);

    latencies.sort((a, b) => a - b);
    const ok = [...statuses].filter(([code]) => code >= 200 && code < 300).reduce((sum, [, n]) => sum + n, 0);
    const busy = statuses.get(503) ?? 0;
    const otherErrors = [...statuses].filter(([code]) => code < 200 || code >= 300).reduce((sum, [, n]) => sum + n, 0) - busy;
    const transportErrors = result.errors + result.timeouts;
    const seconds = result.duration;

    console.log('');
    console.log(`POST /api/appeal, ${CLIENTS} clients, ${seconds.toFixed(1)} s, ${os.availableParallelism()} CPUs`);
    console.log(`bundles/s        ${(ok / seconds).toFixed(2)}  (${ok} bundles)`);
    console.log(`latency p50      ${percentile(latencies, 50)?.toFixed(0)} ms`);
    console.log(`latency p95      ${percentile(latencies, 95)?.toFixed(0)} ms`);
    console.log(`latency max      ${latencies.at(-1)?.toFixed(0)} ms`);
    console.log(`503 busy         ${busy}`);
    console.log(`other non-2xx    ${otherErrors}  ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(`socket errors    ${transportErrors} (timeouts ${result.timeouts})`);
    console.log(`server RSS       baseline ${baseline.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB (limit ${RSS_LIMIT_MB} MB)`);

    const failed = busy + otherErrors + transportErrors > 0 || peakRss > RSS_LIMIT_MB || ok === 0;
    if (failed) console.log(`\nserver log (last lines):\n${server.log().split('\n').slice(-20).join('\n')}`);
    console.log(failed ? '\nLOAD TEST FAILED' : '\nload test passed');
    process.exitCode = failed ? 1 : 0;
  } finally {
    clearInterval(sampler);
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
