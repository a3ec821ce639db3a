#!/usr/bin/env node
/**
 * npm run bench: how fast the evidence bundle is built, and against what.
 *
 *   1. in-process: the standard set (box photo, receipt photo, order screenshot, e-receipt PDF)
 *      through readAppealRequest + buildEvidenceBundle, loaded from the TypeScript sources by
 *      Vite's SSR loader (the same transform the tests use), median per stage;
 *   2. over HTTP: the same multipart request against a production build on its own dist folder
 *      and port, median latency and the server's own stage timings (Server-Timing), for two
 *      sets: camera originals, and the same files as the browser prepares them (with the tokens
 *      the evidence check gave the form for its photos); runs alternate with the naive pipeline
 *      (scripts/naive-server.mjs: sharp resize to 2000 px q80 + pdf-lib, no barcode reading, no
 *      queue, on BENCH_PORT + 1) on both sets, and the server CPU per bundle of each, read from
 *      /proc, gives the ratios issue 13 sets targets for;
 *   3. the peer: the same three photos through ImageMagick (`convert -resize 2000x2000> -strip
 *      -quality 80`) and img2pdf, one process per step as a shell script would run them.
 *
 * Run through `npm run bench`, which sets MALLOC_ARENA_MAX=2 as `npm start` and the container do
 * (it also lets sharp use more than one thread per image on glibc).
 *
 * Options (environment): BENCH_RUNS (default 15), BENCH_PEER_RUNS (default 5, 0 skips the peer), BENCH_PORT (3211),
 * BENCH_DIST (.next-bench), BENCH_REUSE_BUILD=1 to skip `next build` when BENCH_DIST has a build.
 * Not a test: it prints figures and never fails on them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';

import { GENERATED_DIR } from './lib/evidence-fixtures.mjs';
import { browserPrepared, labelTokensFor } from './lib/browser-prepared.mjs';
import { appealForm, STANDARD_FIELDS, standardFiles } from './lib/standard-appeal.mjs';
import { buildApp, ROOT, startNaiveServer, startServer } from './lib/start-server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PEER_RUNS = Number(process.env.BENCH_PEER_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3211);
const DIST = process.env.BENCH_DIST ?? '.next-bench';
const WARMUP = 2;

/** The standard evidence set (scripts/lib/standard-appeal.mjs), generated on first use. */
const FILES = await standardFiles();
/** The same set as the browser prepares it (upright 2000 px q80 JPEGs without metadata). */
const PREPARED = await browserPrepared(FILES);
/** What the peer gets: the photos of the set (img2pdf takes images only). */
const PHOTOS = FILES.filter((file) => file.type.startsWith('image/'));

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
      const request = new Request('http://bench/api/appeal', { method: 'POST', body: appealForm(FILES) });
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

/** Peak resident memory of the server process, from the kernel's high-water mark. */
function serverPeakRss(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
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

async function post(url, form) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', body: form });
  const body = new Uint8Array(await response.arrayBuffer());
  const totalMs = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  return { totalMs, bytes: body.byteLength, timing: parseServerTiming(response.headers.get('server-timing')) };
}

/**
 * Appeal Kit and the naive pipeline (scripts/naive-server.mjs), each over HTTP on its own server,
 * on both evidence sets. Within a set the two servers take turns run by run, so a burst of other
 * work on the machine hits both alike; each request's CPU is its server's /proc time across it.
 */
async function benchHttp() {
  buildApp({ distDir: DIST, reuse: process.env.BENCH_REUSE_BUILD === '1' });
  const server = await startServer({ distDir: DIST, port: PORT });
  const naivePort = PORT + 1;
  const naive = await startNaiveServer(naivePort);
  try {
    const tokens = await labelTokensFor(server.url, PREPARED);
    const app = `${server.url}/api/appeal`;
    const naiveUrl = `${naive.url}/`;
    const cases = {
      camera: { pid: server.pid, url: app, form: () => appealForm(FILES) },
      prepared: { pid: server.pid, url: app, form: () => appealForm(PREPARED, { ...STANDARD_FIELDS, labelTokens: tokens }) },
      naiveCamera: { pid: naive.pid, url: naiveUrl, form: () => appealForm(FILES) },
      naivePrepared: { pid: naive.pid, url: naiveUrl, form: () => appealForm(PREPARED) },
    };
    const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
    // One set at a time: work a request leaves behind (freeing a camera set's 15 MB of buffers,
    // a garbage collection it triggered) lands in the next request of the same server; with the
    // sets interleaved it was counted against the browser-prepared set instead.
    for (const pair of [['camera', 'naiveCamera'], ['prepared', 'naivePrepared']]) {
      for (let run = 0; run < WARMUP + RUNS; run += 1) {
        for (const name of pair) {
          const { pid, url, form } = cases[name];
          const cpuBefore = cpuSeconds(pid);
          const result = await post(url, form());
          const cpuMs = (cpuSeconds(pid) - cpuBefore) * 1000;
          if (run >= WARMUP) samples[name].push({ ...result, cpuMs });
        }
      }
    }
    const summary = (list) => ({
      total: median(list.map((s) => s.totalMs)),
      cpu: list.reduce((sum, s) => sum + s.cpuMs, 0) / list.length,
      parse: median(list.map((s) => s.timing.parse ?? NaN)),
      images: median(list.map((s) => s.timing.images ?? NaN)),
      labels: median(list.map((s) => s.timing.labels ?? NaN)),
      pdf: median(list.map((s) => s.timing.pdf ?? NaN)),
      bytes: list.at(-1).bytes,
    });
    return { ...Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, summary(list)])), peakRss: serverPeakRss(server.pid) };
  } finally {
    naive.stop();
    server.stop();
  }
}

// ---- 3. the peer: ImageMagick + img2pdf ---------------------------------------------------------

function benchPeer() {
  if (PEER_RUNS === 0) return null;
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
        execFileSync('convert', [path.join(GENERATED_DIR, photo.name), '-resize', '2000x2000>', '-strip', '-quality', '80', out]);
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
const line = (name, a, b) =>
  `  ${name}: Appeal Kit ${ms(a.total)} median, CPU ${ms(a.cpu)} per bundle, PDF ${kb(a.bytes)} ` +
  `(parse ${ms(a.parse)} · images ${ms(a.images)} · then box-label barcodes ${ms(a.labels)} · PDF ${ms(a.pdf)}); ` +
  `naive ${ms(b.total)}, CPU ${ms(b.cpu)}, PDF ${kb(b.bytes)}`;
console.log(`\nover HTTP, production build vs the naive pipeline (${RUNS} runs each, alternating):`);
console.log(line('camera originals', http.camera, http.naiveCamera));
console.log(line('as the browser prepares them', http.prepared, http.naivePrepared));
console.log(`  server peak RSS ${mb(http.peakRss)}`);
console.log(
  `\nserver CPU per bundle, Appeal Kit / naive: camera originals ${(http.camera.cpu / http.naiveCamera.cpu).toFixed(2)}× (target ≤ 0.8×), ` +
    `browser-prepared ${(http.prepared.cpu / http.naivePrepared.cpu).toFixed(2)}× (target ≤ 0.5×)`,
);

const peer = benchPeer();
if (peer) {
  console.log(
    `\npeer: ImageMagick convert -resize 2000x2000> -strip -quality 80 + img2pdf, ${PHOTOS.length} photos (${PEER_RUNS} runs, median): ` +
      `${ms(peer.total)} · CPU ${ms(peer.cpu)} · PDF ${kb(peer.bytes)}`,
  );
  console.log(`ratio peer / HTTP bundle (camera originals): ${(peer.total / http.camera.total).toFixed(1)}× wall, ${(peer.cpu / http.camera.cpu).toFixed(1)}× CPU`);
}
console.log(
  `HTTP median ${ms(http.camera.total)} camera originals, ${ms(http.prepared.total)} browser-prepared (target ≤ 200 ms on a quiet machine); ` +
    `load average during the run ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${availableParallelism()} cores`,
);

writeFileSync(path.join(tmpdir(), 'appeal-kit-bench.json'), JSON.stringify({ inProcess, http, peer }, null, 2));
