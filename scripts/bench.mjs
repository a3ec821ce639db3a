#!/usr/bin/env node
/**
 * npm run bench: how fast the evidence bundle is built, and against what.
 *
 *   1. in-process: the standard set (box photo, receipt photo, order screenshot, e-receipt PDF)
 *      through readAppealRequest + buildEvidenceBundle, loaded from the TypeScript sources by
 *      Vite's SSR loader (the same transform the tests use), median per stage;
 *   2. over HTTP: the same multipart request against a production build on its own dist folder
 *      and port, median latency and the server's own stage timings (Server-Timing);
 *   3. the peer: the same three photos through ImageMagick (`convert -resize 2000x2000> -strip
 *      -quality 80`) and img2pdf, one process per step as a shell script would run them.
 *
 * Run through `npm run bench`, which sets MALLOC_ARENA_MAX=2 as `npm start` and the container do
 * (it also lets sharp use more than one thread per image on glibc).
 *
 * Options (environment): BENCH_RUNS (default 15), BENCH_PEER_RUNS (default 5), BENCH_PORT (3211),
 * BENCH_DIST (.next-bench), BENCH_REUSE_BUILD=1 to skip `next build` when BENCH_DIST has a build.
 * Not a test: it prints figures and never fails on them.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.resolve(ROOT, '../shared/fixtures');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PEER_RUNS = Number(process.env.BENCH_PEER_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3211);
const DIST = process.env.BENCH_DIST ?? '.next-bench';
const WARMUP = 2;

const PHOTOS = [
  { field: 'boxPhoto', name: 'box-label-12mp.jpg', type: 'image/jpeg' },
  { field: 'receipt', name: 'receipt-photo-12mp.jpg', type: 'image/jpeg' },
  { field: 'receipt', name: 'order-screenshot.png', type: 'image/png' },
];
const FILES = [...PHOTOS, { field: 'receipt', name: 'e-receipt.pdf', type: 'application/pdf' }].map((file) => ({
  ...file,
  bytes: readFileSync(path.join(FIXTURES, file.name)),
}));
/** The standard appeal the integration tests use too. */
const FIELDS = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/standard-appeal.json'), 'utf8'));

function appealForm() {
  const form = new FormData();
  for (const [name, value] of Object.entries(FIELDS)) form.append(name, value);
  for (const file of FILES) form.append(file.field, new File([file.bytes], file.name, { type: file.type }));
  return form;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// ---- 1. in-process ------------------------------------------------------------------------------

async function benchInProcess() {
  const { createServer } = await import('vite');
  const vite = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    resolve: {
      alias: {
        '@/': `${ROOT}/`,
        // As in the tests: the guard only means something inside Next's server bundle.
        'server-only': path.join(ROOT, 'tests/support/empty-module.ts'),
      },
    },
  });
  try {
    const { readAppealRequest } = await vite.ssrLoadModule('/lib/server/read-appeal-request.ts');
    const { buildEvidenceBundle } = await vite.ssrLoadModule('/lib/server/build-evidence-bundle.ts');
    const { readBoxLabelImeisForBundle } = await vite.ssrLoadModule('/lib/server/box-label/box-label-check.ts');
    const samples = [];
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      const request = new Request('http://bench/api/appeal', { method: 'POST', body: appealForm() });
      const started = performance.now();
      const { appeal, files } = await readAppealRequest(request);
      const parseMs = performance.now() - started;
      // As the route does: the box-label barcodes are read alongside the photo work.
      const appealImeis = [appeal.imei, appeal.imei2].filter(Boolean);
      const bundle = await buildEvidenceBundle({ appeal, files, readBoxLabelImeis: (photos) => readBoxLabelImeisForBundle(photos, appealImeis) });
      const totalMs = performance.now() - started;
      if (run >= WARMUP) samples.push({ parseMs, ...bundle.timings, totalMs, bytes: bundle.pdf.byteLength });
    }
    return {
      parse: median(samples.map((s) => s.parseMs)),
      images: median(samples.map((s) => s.imagesMs)),
      labels: median(samples.map((s) => s.labelsWaitMs)),
      pdf: median(samples.map((s) => s.pdfMs)),
      total: median(samples.map((s) => s.totalMs)),
      bytes: samples.at(-1).bytes,
      // maxRSS is in KB on Linux.
      peakRss: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    await vite.close();
  }
}

// ---- 2. over HTTP against a production build ----------------------------------------------------

function buildProduction() {
  if (process.env.BENCH_REUSE_BUILD === '1' && existsSync(path.join(ROOT, DIST, 'BUILD_ID'))) return;
  console.log(`building the app into ${DIST} …`);
  // next build adds its dist folder's types to tsconfig.json; the benchmark leaves the repo as it was.
  const tsconfig = path.join(ROOT, 'tsconfig.json');
  const original = readFileSync(tsconfig);
  try {
    execFileSync('npx', ['next', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_OUTPUT: 'standalone', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    });
  } finally {
    writeFileSync(tsconfig, original);
  }
}

/** The standalone server the container runs (output: 'standalone'); `next start` if there is none. */
async function startServer() {
  const standalone = path.join(ROOT, DIST, 'standalone', 'server.js');
  const env = { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', PORT: String(PORT), HOSTNAME: '127.0.0.1' };
  const [command, args, cwd] = existsSync(standalone)
    ? ['node', [standalone], path.dirname(standalone)]
    : ['npx', ['next', 'start', '-p', String(PORT)], ROOT];
  const server = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.kill(-server.pid, 'SIGTERM');
  throw new Error(`the production server did not answer on port ${PORT}`);
}

/** Peak resident memory of the server process (and its children, if it was started through npx). */
function serverPeakRss(rootPid) {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i += 1) {
    try {
      const children = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    } catch {
      // gone
    }
  }
  let peak = 0;
  for (const pid of pids) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) * 1024);
    } catch {
      // gone
    }
  }
  return peak;
}

/**
 * CPU seconds from /proc (user + system, in clock ticks of 1/100 s): unlike wall time they do
 * not grow when other work shares the machine. `children` counts finished child processes.
 */
function cpuSeconds(pid, { children = false } = {}) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based).
  const at = (n) => Number(fields[n - 3]);
  return (children ? at(16) + at(17) : at(14) + at(15)) / 100;
}

function parseServerTiming(header) {
  const out = {};
  for (const part of (header ?? '').split(',')) {
    const match = /^\s*(\w+);dur=([\d.]+)/.exec(part);
    if (match) out[match[1]] = Number(match[2]);
  }
  return out;
}

async function benchHttp() {
  buildProduction();
  const server = await startServer();
  try {
    const samples = [];
    let cpuAtStart = 0;
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      if (run === WARMUP) cpuAtStart = cpuSeconds(server.pid);
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${PORT}/api/appeal`, { method: 'POST', body: appealForm() });
      const body = new Uint8Array(await response.arrayBuffer());
      const totalMs = performance.now() - started;
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
      if (run >= WARMUP) samples.push({ totalMs, bytes: body.byteLength, ...parseServerTiming(response.headers.get('server-timing')) });
    }
    const cpuPerBundle = ((cpuSeconds(server.pid) - cpuAtStart) / RUNS) * 1000;
    return {
      total: median(samples.map((s) => s.totalMs)),
      cpu: cpuPerBundle,
      parse: median(samples.map((s) => s.parse ?? NaN)),
      images: median(samples.map((s) => s.images ?? NaN)),
      labels: median(samples.map((s) => s.labels ?? NaN)),
      pdf: median(samples.map((s) => s.pdf ?? NaN)),
      bytes: samples.at(-1).bytes,
      peakRss: serverPeakRss(server.pid),
    };
  } finally {
    process.kill(-server.pid, 'SIGTERM');
  }
}

// ---- 3. the peer: ImageMagick + img2pdf ---------------------------------------------------------

function benchPeer() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-peer-'));
  try {
    const times = [];
    let bytes = 0;
    let cpuAtStart = 0;
    for (let run = 0; run < 1 + PEER_RUNS; run += 1) {
      if (run === 1) cpuAtStart = cpuSeconds(process.pid, { children: true });
      const started = performance.now();
      const outputs = PHOTOS.map((photo, index) => {
        const out = path.join(dir, `${index}.jpg`);
        execFileSync('convert', [path.join(FIXTURES, photo.name), '-resize', '2000x2000>', '-strip', '-quality', '80', out]);
        return out;
      });
      const pdf = path.join(dir, 'peer.pdf');
      execFileSync('img2pdf', [...outputs, '-o', pdf]);
      if (run > 0) times.push(performance.now() - started);
      bytes = statSync(pdf).size;
    }
    return { total: median(times), cpu: ((cpuSeconds(process.pid, { children: true }) - cpuAtStart) / PEER_RUNS) * 1000, bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- report -------------------------------------------------------------------------------------

const inProcess = await benchInProcess();
console.log(
  `\nin-process (${RUNS} runs, medians): parse ${ms(inProcess.parse)} · images ${ms(inProcess.images)} · ` +
    `waiting for box-label barcodes ${ms(inProcess.labels)} · PDF ${ms(inProcess.pdf)} · total ${ms(inProcess.total)}`,
);
console.log(`  PDF ${kb(inProcess.bytes)} · peak RSS of this process ${mb(inProcess.peakRss)}`);

const http = await benchHttp();
console.log(`\nover HTTP, production build (${RUNS} runs, medians): total ${ms(http.total)} · server CPU per bundle ${ms(http.cpu)}`);
console.log(`  server stages: parse ${ms(http.parse)} · images ${ms(http.images)} · then waiting for box-label barcodes ${ms(http.labels)} · PDF ${ms(http.pdf)}`);
console.log(`  PDF ${kb(http.bytes)} · server peak RSS ${mb(http.peakRss)}`);

const peer = benchPeer();
console.log(
  `\npeer: ImageMagick convert -resize 2000x2000> -strip -quality 80 + img2pdf, 3 photos (${PEER_RUNS} runs, median): ` +
    `${ms(peer.total)} · CPU ${ms(peer.cpu)} · PDF ${kb(peer.bytes)}`,
);
console.log(`\nratio peer / HTTP bundle: ${(peer.total / http.total).toFixed(1)}× wall (target ≥ 5×), ${(peer.cpu / http.cpu).toFixed(1)}× CPU`);
console.log(`HTTP median ${ms(http.total)} (target < 400 ms); load average during the run ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} on ${availableParallelism()} cores`);

writeFileSync(path.join(tmpdir(), 'appeal-kit-bench.json'), JSON.stringify({ inProcess, http, peer }, null, 2));
