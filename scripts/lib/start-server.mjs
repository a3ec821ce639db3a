/**
 * One way for the scripts (bench, load) to build the app and run it as the container does: a
 * production build with `output: 'standalone'` in its own dist folder, then `node server.js` on
 * loopback with PORT / HOSTNAME, as the Docker image starts it. The server's pid is the Node
 * process that serves, so its /proc figures (RSS, CPU) are the server's own.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The environment `npm start` and the Docker image give the server (see the README's table). */
const SERVER_ENV = { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', MALLOC_ARENA_MAX: '2' };
/** The flags `npm start` and the Docker image give Node (see the Dockerfile's CMD for why). */
export const SERVER_NODE_FLAGS = ['--initial-old-space-size=128'];

function standaloneServer(distDir) {
  return path.join(ROOT, distDir, 'standalone', 'server.js');
}

/**
 * Builds into `distDir` unless `reuse` is set and a standalone build is already there. `next build`
 * adds its dist folder's types to tsconfig.json; the repository is left as it was.
 */
export function buildApp({ distDir, reuse = false }) {
  if (reuse && existsSync(standaloneServer(distDir))) return;
  console.log(`building the app into ${distDir} …`);
  const tsconfig = path.join(ROOT, 'tsconfig.json');
  const original = readFileSync(tsconfig);
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...SERVER_ENV, NEXT_DIST_DIR: distDir, NEXT_OUTPUT: 'standalone' },
    });
  } finally {
    writeFileSync(tsconfig, original);
  }
}

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * Starts the standalone server of `distDir` on host:port and waits until /api/health answers.
 * Refuses when something already answers there: it would be measured instead. `env` adds to or
 * overrides the server's environment (APPEAL_CONCURRENCY …). The server's stderr is kept for
 * `log()`; `stop()` ends it.
 */
export async function startServer({ distDir, port, host = '127.0.0.1', env = {}, timeoutMs = 60_000 }) {
  const url = `http://${host}:${port}`;
  if (await answers(`${url}/api/health`)) throw new Error(`something already answers on ${url}; choose another port`);
  const script = standaloneServer(distDir);
  if (!existsSync(script)) throw new Error(`no standalone build in ${distDir}: run buildApp first`);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, script], {
    cwd: path.dirname(script),
    env: { ...process.env, ...SERVER_ENV, ...env, PORT: String(port), HOSTNAME: host },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => lines.push(text));
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  // Ctrl-C on the script must not leave the server behind.
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await answers(`${url}/api/health`)) return { url, pid: child.pid, stop, log: () => lines.join('') };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error(`the server did not answer on ${url}\n${lines.join('').slice(-2000)}`);
}

/**
 * The naive pipeline (scripts/naive-server.mjs) as its own server process on loopback, so its CPU
 * time and throughput are measured the same way as the app's. `stop()` ends it.
 */
export async function startNaiveServer(port) {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(url)) throw new Error(`something already answers on ${url}; choose another port`);
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/naive-server.mjs'), String(port)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await answers(url)) return { url, pid: child.pid, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`the naive server did not answer on ${url}`);
}
