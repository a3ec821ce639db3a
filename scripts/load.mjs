#!/usr/bin/env node
/**
 * Load test: builds the app (own output folder), starts the production server on loopback, and
 * has 8 clients post the standard evidence set to POST /api/appeal for 30 s, while the server's
 * resident memory is sampled from /proc. Prints bundles per second, p50/p95 latency, errors
 * (non-2xx, with 503s counted apart) and peak RSS; exits non-zero when any request failed or RSS
 * passed the limit. Stops by itself; stops the server it started.
 *
 * Environment: LOAD_PORT (3390), LOAD_DIST_DIR (.next-load), LOAD_SECONDS (30), LOAD_CLIENTS (8),
 * LOAD_RSS_LIMIT_MB (600), LOAD_SKIP_BUILD=1 to reuse a build, FIXTURES_DIR (../shared/fixtures).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1'; // loopback only: this never leaves the machine
const PORT = Number(process.env.LOAD_PORT ?? 3390);
const DIST_DIR = process.env.LOAD_DIST_DIR ?? '.next-load';
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 8);
const RSS_LIMIT_MB = Number(process.env.LOAD_RSS_LIMIT_MB ?? 600);
const FIXTURES_DIR = process.env.FIXTURES_DIR ?? path.resolve(ROOT, '../shared/fixtures');
const BASE_URL = `http://${HOST}:${PORT}`;

// MALLOC_ARENA_MAX=2 as `npm start` and the Docker image run the server (see the README).
const env = { MALLOC_ARENA_MAX: '2', ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' };

function runToEnd(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** The same fields and files a user sends with the standard evidence set. */
async function appealRequest() {
  const form = new FormData();
  // The standard appeal the integration tests and the benchmark use too.
  const fields = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/standard-appeal.json'), 'utf8'));
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const file = (role, name, type) => form.append(role, new Blob([readFileSync(path.join(FIXTURES_DIR, name))], { type }), name);
  file('boxPhoto', 'box-label-12mp.jpg', 'image/jpeg');
  file('receipt', 'receipt-photo-12mp.jpg', 'image/jpeg');
  file('receipt', 'e-receipt.pdf', 'application/pdf');
  file('extra', 'order-screenshot.png', 'image/png');
  // Let undici serialise the multipart body once; every client then sends the same bytes.
  const encoded = new Response(form);
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') };
}

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

async function waitForHealth(deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`${BASE_URL}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not become healthy on ${BASE_URL}`);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  if (process.env.LOAD_SKIP_BUILD !== '1' || !existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) {
    console.log(`building into ${DIST_DIR} …`);
    // next build adds its output folder's types to tsconfig.json; leave the repository as it was.
    const tsconfig = path.join(ROOT, 'tsconfig.json');
    const original = readFileSync(tsconfig);
    try {
      await runToEnd('npm', ['run', 'build']);
    } finally {
      writeFileSync(tsconfig, original);
    }
  }

  // Another server on the port would be measured instead of ours: refuse to start.
  if (await fetch(`${BASE_URL}/api/health`).then(() => true, () => false)) {
    throw new Error(`something already listens on ${BASE_URL}; set LOAD_PORT to a free port`);
  }

  // `next start` serves in its own process (titled next-server), so its pid is the one to sample.
  const server = spawn(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-H', HOST, '-p', String(PORT)], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // The server's own log (one JSON line per refused request) is shown only when something failed.
  const serverLog = [];
  server.stderr.setEncoding('utf8');
  server.stderr.on('data', (text) => serverLog.push(text));
  const stopServer = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  process.on('SIGINT', () => {
    stopServer();
    process.exit(130);
  });

  let peakRss = 0;
  let sampler;
  try {
    await waitForHealth(60_000);
    if (server.exitCode !== null || readRss(server.pid).rss === 0) throw new Error('the server this script started is not running');
    const { body, contentType } = await appealRequest();
    console.log(`request body: ${(body.length / 1024 / 1024).toFixed(1)} MB (4 files, 15 fields)`);

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
    if (failed) console.log(`\nserver log (last lines):\n${serverLog.join('').split('\n').slice(-20).join('\n')}`);
    console.log(failed ? '\nLOAD TEST FAILED' : '\nload test passed');
    process.exitCode = failed ? 1 : 0;
  } finally {
    clearInterval(sampler);
    stopServer();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
