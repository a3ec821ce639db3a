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
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';

import { GENERATED_DIR } from './lib/evidence-fixtures.mjs';
import { appealForm, standardFiles } from './lib/standard-appeal.mjs';
import { buildApp, ROOT, startServer } from './lib/start-server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PEER_RUNS = Number(process.env.BENCH_PEER_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3211);
const DIST = process.env.BENCH_DIST ?? '.next-bench';
const WARMUP = 2;

/** The standard evidence set (scripts/lib/standard-appeal.mjs), generated on first use. */
const FILES = await standardFiles();
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

async function benchHttp() {
  buildApp({ distDir: DIST, reuse: process.env.BENCH_REUSE_BUILD === '1' });
  const server = await startServer({ distDir: DIST, port: PORT });
  try {
    const samples = [];
    let cpuAtStart = 0;
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      if (run === WARMUP) cpuAtStart = cpuSeconds(server.pid);
      const started = performance.now();
      const response = await fetch(`${server.url}/api/appeal`, { method: 'POST', body: appealForm(FILES) });
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
    server.stop();
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
console.log(`\nover HTTP, production build (${RUNS} runs, medians): total ${ms(http.total)} · server CPU per bundle ${ms(http.cpu)}`);
console.log(`  server stages: parse ${ms(http.parse)} · images ${ms(http.images)} · then waiting for box-label barcodes ${ms(http.labels)} · PDF ${ms(http.pdf)}`);
console.log(`  PDF ${kb(http.bytes)} · server peak RSS ${mb(http.peakRss)}`);

const peer = benchPeer();
console.log(
  `\npeer: ImageMagick convert -resize 2000x2000> -strip -quality 80 + img2pdf, ${PHOTOS.length} photos (${PEER_RUNS} runs, median): ` +
    `${ms(peer.total)} · CPU ${ms(peer.cpu)} · PDF ${kb(peer.bytes)}`,
);
console.log(`\nratio peer / HTTP bundle: ${(peer.total / http.total).toFixed(1)}× wall (target ≥ 5×), ${(peer.cpu / http.cpu).toFixed(1)}× CPU`);
console.log(`HTTP median ${ms(http.total)} (target < 400 ms); load average during the run ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} on ${availableParallelism()} cores`);

writeFileSync(path.join(tmpdir(), 'appeal-kit-bench.json'), JSON.stringify({ inProcess, http, peer }, null, 2));
