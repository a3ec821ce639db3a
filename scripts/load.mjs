#!/usr/bin/env node
/**
 * Load test: builds the app (own output folder), starts the production server on loopback, and
 * has 8 clients post the standard evidence set to POST /api/appeal for 30 s, while the server's
 * resident memory is sampled from /proc, GET /api/health is timed every 250 ms from a fresh
 * connection (as a balancer probes) and the server's event-loop delay is logged (loop-delay.mjs).
 * Prints bundles per second, p50/p95 latency, errors (non-2xx, with 503s counted apart), peak RSS,
 * health p50/p95/max and the machine's load average; exits non-zero when any request failed, RSS
 * passed the limit or health took over 2 s. Stops by itself; stops the server it started.
 *
 * The standard mode then compares throughput (issue 13): the app and the naive pipeline
 * (scripts/naive-server.mjs), each on the standard set and on the same set as the browser prepares
 * it (with the tokens the evidence check gives the form for its photos), 8 clients, taking turns in
 * rounds; it prints bundles/s, p50 and the ratios. Figures only: the comparison never fails the run.
 *
 * `npm run load -- --largest` (or LOAD_MODE=largest): 40 clients each send the largest legal
 * appeal (15 photos, just under the 60 MB limit) again and again. The server must shed what it
 * cannot hold with 503 + Retry-After (counted, not failures), build the rest, keep its peak RSS
 * within the README's container (`docker run --memory=1g`) and answer health within 2 s.
 *
 * The build and the server are the container's (scripts/lib/start-server.mjs: standalone output,
 * `node server.js`), the request is the standard appeal (scripts/lib/standard-appeal.mjs).
 *
 * Environment: LOAD_MODE (standard | largest), LOAD_PORT (3390), LOAD_DIST_DIR (.next-load),
 * LOAD_SECONDS (30), LOAD_CLIENTS (8; largest 40), LOAD_RSS_LIMIT_MB (600; largest 1024),
 * LOAD_SKIP_BUILD=1 to reuse a build, LOAD_COMPARE=0 to skip the comparison (the naive server
 * listens on LOAD_PORT + 1).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import autocannon from 'autocannon';
import sharp from 'sharp';

import { browserPrepared, labelTokensFor } from './lib/browser-prepared.mjs';
import { encodedAppeal, STANDARD_FIELDS, standardFiles } from './lib/standard-appeal.mjs';
import { buildApp, ROOT, startNaiveServer, startServer } from './lib/start-server.mjs';

const PORT = Number(process.env.LOAD_PORT ?? 3390);
const DIST_DIR = process.env.LOAD_DIST_DIR ?? '.next-load';
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const LARGEST = process.env.LOAD_MODE === 'largest' || process.argv.includes('--largest');
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? (LARGEST ? 40 : 8));
/** The standard load's own figure; the largest load is held to the README's container, 1 GB. */
const RSS_LIMIT_MB = Number(process.env.LOAD_RSS_LIMIT_MB ?? (LARGEST ? 1024 : 600));
/** Health must answer within this however heavy the uploads (issue #11). */
const HEALTH_LIMIT_MS = 2000;
/** The contract's request limit (lib/appeal/evidence-rules.ts MAX_REQUEST_BYTES). */
const MAX_REQUEST_BYTES = 60 * 1024 * 1024;
const COMPARE = !LARGEST && process.env.LOAD_COMPARE !== '0';

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

/**
 * The largest appeal the contract allows: 3 box photos, 4 receipts and 8 extras (15 files, the
 * limit), the generated 12 MP photos re-encoded at JPEG quality 99 and 98 (about 3.7 MB each),
 * just under the 60 MB request limit.
 */
async function largestFiles() {
  const [box, receipt] = await standardFiles();
  const reencode = (file, quality) => sharp(file.bytes).jpeg({ quality, chromaSubsampling: '4:4:4' }).toBuffer();
  const [box99, receipt99, box98, receipt98] = await Promise.all([reencode(box, 99), reencode(receipt, 99), reencode(box, 98), reencode(receipt, 98)]);
  const file = (field, name, bytes) => ({ field, name, type: 'image/jpeg', bytes });
  return [
    ...[1, 2, 3].map((i) => file('boxPhoto', `box-${i}.jpg`, box99)),
    ...[1, 2, 3, 4].map((i) => file('receipt', `receipt-${i}.jpg`, receipt99)),
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => file('extra', `extra-${i}.jpg`, i % 2 ? box98 : receipt98)),
  ];
}

/**
 * `clients` loops, each posting the body again and again for `seconds`, on node:http rather than
 * autocannon (which keeps a copy of the request per connection: 40 × 58 MB). A refusal may come
 * before the body is sent (503 + Connection: close); the socket error that follows it is counted
 * as a reset after the answer, not as a lost request.
 */
async function postLoops({ url, body, contentType, clients, seconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const until = Date.now() + seconds * 1000;
  const latencies = [];
  const statuses = new Map();
  const failures = { errors: 0, resetsBeforeAnswer: 0, resetsAfterAnswer: 0 };
  const once = () =>
    new Promise((resolve) => {
      const started = performance.now();
      let answered = false;
      const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': contentType, 'content-length': body.length } }, (response) => {
        answered = true;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - started);
          resolve();
        });
        response.on('error', resolve);
      });
      request.setTimeout(120_000, () => request.destroy(new Error('timeout')));
      request.on('error', (error) => {
        const reset = error.code === 'ECONNRESET' || error.code === 'EPIPE';
        if (answered) failures.resetsAfterAnswer += 1;
        else if (reset) failures.resetsBeforeAnswer += 1;
        else failures.errors += 1;
        resolve();
      });
      // In 256 KB pieces, as a network delivers it; subarray shares the one body.
      for (let offset = 0; offset < body.length; offset += 256 * 1024) request.write(body.subarray(offset, offset + 256 * 1024));
      request.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) await once();
    }),
  );
  agent.destroy();
  return { latencies, statuses, ...failures, timeouts: 0, duration: (performance.now() - started) / 1000 };
}

/** The standard load: autocannon, as the README's figures were measured. */
async function autocannonLoad({ url, body, contentType, clients, seconds }) {
  const latencies = [];
  const statuses = new Map();
  const instance = autocannon({ url, method: 'POST', headers: { 'content-type': contentType }, body, connections: clients, pipelining: 1, duration: seconds, timeout: 60 });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
  const result = await instance;
  return { latencies, statuses, errors: result.errors, resetsBeforeAnswer: 0, resetsAfterAnswer: 0, timeouts: result.timeouts, duration: result.duration };
}

/** One GET /api/health on a fresh connection (as a balancer probes); its time in ms, or Infinity. */
function probeHealth(baseUrl) {
  return new Promise((resolve) => {
    const started = performance.now();
    const request = http.get(`${baseUrl}/api/health`, { agent: false, timeout: 30_000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode === 200 ? performance.now() - started : Infinity));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(Infinity));
  });
}

/** Probes health every 250 ms until the returned function is called; that returns the times, sorted. */
function sampleHealth(baseUrl) {
  const samples = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      samples.push(await probeHealth(baseUrl));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return samples.sort((a, b) => a - b);
  };
}

/** The server's event-loop delay lines (loop-delay.mjs) logged so far. */
function loopDelays(log) {
  return [...log.matchAll(/^loop-delay (\{.*\})$/gm)].map((match) => JSON.parse(match[1]));
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Rounds of the comparison: each case runs SECONDS / ROUNDS at a time, in turn. */
const ROUNDS = 2;

/**
 * Issue 13's throughput figures: the app and the naive pipeline, each on the camera originals and
 * on the set as the browser prepares it, with the standard load's clients. The four cases take
 * turns in rounds, so a burst of other work on the machine hits all of them alike; each case gets
 * SECONDS in all, and its bundles/s is its bundles over its own time.
 */
async function compareWithNaive({ appUrl, camera, files }) {
  const prepared = await browserPrepared(files);
  const tokens = await labelTokensFor(appUrl, prepared);
  const naive = await startNaiveServer(PORT + 1);
  try {
    const cases = {
      appCamera: { url: `${appUrl}/api/appeal`, ...camera },
      appPrepared: { url: `${appUrl}/api/appeal`, ...(await encodedAppeal(prepared, { ...STANDARD_FIELDS, labelTokens: tokens })) },
      naiveCamera: { url: `${naive.url}/`, ...camera },
      naivePrepared: { url: `${naive.url}/`, ...(await encodedAppeal(prepared)) },
    };
    const totals = Object.fromEntries(Object.keys(cases).map((name) => [name, { ok: 0, failed: 0, seconds: 0, latencies: [] }]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, { url, body, contentType }] of Object.entries(cases)) {
        const result = await autocannonLoad({ url, body, contentType, clients: CLIENTS, seconds: Math.max(1, Math.round(SECONDS / ROUNDS)) });
        const total = totals[name];
        for (const [code, n] of result.statuses) total[code >= 200 && code < 300 ? 'ok' : 'failed'] += n;
        total.seconds += result.duration;
        total.latencies.push(...result.latencies);
      }
    }
    return Object.fromEntries(
      Object.entries(totals).map(([name, { ok, failed, seconds, latencies }]) => [
        name,
        { perSecond: ok / seconds, p50: percentile(latencies.sort((a, b) => a - b), 50), failed },
      ]),
    );
  } finally {
    naive.stop();
  }
}

async function main() {
  const files = LARGEST ? await largestFiles() : await standardFiles();
  buildApp({ distDir: DIST_DIR, reuse: process.env.LOAD_SKIP_BUILD === '1' });
  const server = await startServer({
    distDir: DIST_DIR,
    port: PORT,
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${path.join(ROOT, 'scripts/lib/loop-delay.mjs')}`.trim() },
  });
  const BASE_URL = server.url;

  let peakRss = 0;
  let sampler;
  try {
    const { body, contentType } = await encodedAppeal(files);
    const bodyMb = body.length / 1024 / 1024;
    console.log(`request body: ${bodyMb.toFixed(1)} MB (${files.length} files)`);
    if (body.length > MAX_REQUEST_BYTES) throw new Error('the request is over the 60 MB limit: it would be refused, not measured');

    const check = await fetch(`${BASE_URL}/api/appeal`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const checkBytes = Buffer.from(await check.arrayBuffer());
    if (check.status !== 200 || !checkBytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      throw new Error(`the appeal did not produce a bundle: ${check.status} ${checkBytes.subarray(0, 300).toString()}`);
    }
    console.log(`check request: 200, bundle ${(checkBytes.length / 1024).toFixed(0)} KB`);
    const baseline = readRss(server.pid).rss;
    const logBefore = server.log().length;
    const loadBefore = os.loadavg()[0];

    sampler = setInterval(() => {
      peakRss = Math.max(peakRss, readRss(server.pid).rss);
    }, 100);
    const stopHealth = sampleHealth(BASE_URL);
    const run = LARGEST ? postLoops : autocannonLoad;
    const result = await run({ url: `${BASE_URL}/api/appeal`, body, contentType, clients: CLIENTS, seconds: SECONDS });
    const health = await stopHealth();
    clearInterval(sampler);
    const { hwm } = readRss(server.pid);
    peakRss = Math.max(peakRss, hwm);
    const loadAfter = os.loadavg()[0];
    const delays = loopDelays(server.log().slice(logBefore));

    const { latencies, statuses } = result;
    latencies.sort((a, b) => a - b);
    const ok = [...statuses].filter(([code]) => code >= 200 && code < 300).reduce((sum, [, n]) => sum + n, 0);
    const busy = statuses.get(503) ?? 0;
    const otherErrors = [...statuses].filter(([code]) => code < 200 || code >= 300).reduce((sum, [, n]) => sum + n, 0) - busy;
    const lost = result.errors + result.timeouts + result.resetsBeforeAnswer;
    const seconds = result.duration;
    const healthMax = health.at(-1) ?? Infinity;
    const healthFailed = health.filter((ms) => ms === Infinity).length;
    const loopMax = Math.max(0, ...delays.map((d) => d.max));
    const loopP99 = percentile(delays.map((d) => d.p99).sort((a, b) => a - b), 50);

    console.log('');
    console.log(`POST /api/appeal, ${CLIENTS} clients × ${bodyMb.toFixed(1)} MB (${files.length} files), ${seconds.toFixed(1)} s, ${os.availableParallelism()} CPUs`);
    console.log(`bundles/s        ${(ok / seconds).toFixed(2)}  (${ok} bundles)`);
    console.log(`latency p50      ${percentile(latencies, 50)?.toFixed(0)} ms`);
    console.log(`latency p95      ${percentile(latencies, 95)?.toFixed(0)} ms`);
    console.log(`latency max      ${latencies.at(-1)?.toFixed(0)} ms`);
    console.log(`503 busy         ${busy}`);
    console.log(`other non-2xx    ${otherErrors}  ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(`socket errors    ${result.errors} (timeouts ${result.timeouts})`);
    console.log(`resets           ${result.resetsBeforeAnswer} before an answer, ${result.resetsAfterAnswer} after one (a refusal closing the connection)`);
    console.log(`server RSS       baseline ${baseline.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB (limit ${RSS_LIMIT_MB} MB)`);
    console.log(
      `GET /api/health  ${health.length} probes, p50 ${percentile(health, 50)?.toFixed(0)} ms, p95 ${percentile(health, 95)?.toFixed(0)} ms, ` +
        `max ${healthMax.toFixed(0)} ms, failed ${healthFailed} (limit ${HEALTH_LIMIT_MS} ms)`,
    );
    console.log(`event-loop delay ${delays.length} s logged, per-second p99 median ${loopP99} ms, max ${loopMax} ms`);
    console.log(`load average     ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (1 min)`);

    if (COMPARE) {
      const compared = await compareWithNaive({ appUrl: BASE_URL, camera: { body, contentType }, files });
      const row = (name, app, naive) =>
        `  ${name.padEnd(30)} Appeal Kit ${app.perSecond.toFixed(2)}/s (p50 ${app.p50.toFixed(0)} ms), naive ${naive.perSecond.toFixed(2)}/s ` +
        `(p50 ${naive.p50.toFixed(0)} ms): ${(app.perSecond / naive.perSecond).toFixed(2)}× the naive throughput`;
      console.log(`\nthroughput, ${CLIENTS} clients, ${SECONDS} s per case in ${ROUNDS} turns (target ≥ 1.5× the naive pipeline):`);
      console.log(row('camera originals', compared.appCamera, compared.naiveCamera));
      console.log(row('as the browser prepares them', compared.appPrepared, compared.naivePrepared));
      const comparisonFailures = Object.values(compared).reduce((sum, { failed }) => sum + failed, 0);
      if (comparisonFailures > 0) console.log(`  (${comparisonFailures} non-2xx answers during the comparison: the figures above count bundles only)`);
    }

    // 503 + Retry-After is the contract's way to shed a load the server cannot hold: under the
    // largest load it is expected; under the standard load it is a failure.
    const refused = LARGEST ? 0 : busy;
    const failed = refused + otherErrors + lost > 0 || peakRss > RSS_LIMIT_MB || ok === 0 || healthFailed > 0 || healthMax > HEALTH_LIMIT_MS;
    if (failed) console.log(`\nserver log (last lines):\n${server.log().replace(/^loop-delay .*\n/gm, '').split('\n').slice(-20).join('\n')}`);
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
