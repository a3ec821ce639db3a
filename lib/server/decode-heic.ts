import 'server-only';

import { Worker } from 'node:worker_threads';

import { MAX_IMAGE_PIXELS } from '@/lib/appeal/evidence-rules';

export type RawImage = { width: number; height: number; data: Uint8ClampedArray };

export class HeicTooLargeError extends Error {}

/** A 12 MP iPhone photo decodes in about 1–2 s here; a file still busy after this is refused. */
export const HEIC_DECODE_DEADLINE_MS = 15_000;

/**
 * HEIC (the iPhone default) through libheif compiled to WebAssembly (heic-decode): sharp's
 * prebuilt binaries cannot read it. The decoder is synchronous and holds its thread for a second
 * or two per photo, so it runs in a worker thread: the server keeps answering meanwhile, and a
 * decode past its deadline is ended by terminating the worker. The size is read from the
 * container before any pixel is decoded, so an absurd image is refused without allocating it.
 *
 * The worker is evaluated from this string (bundlers leave it alone) and `require`s heic-decode
 * from the app's node_modules (resolved from the working directory, the app's root). Should the
 * thread be unable to load it, decoding falls back to this thread; that dynamic import also keeps
 * the package among the build's traced dependencies, where the standalone server finds it.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
let decode;
try {
  decode = require('heic-decode');
} catch {
  decode = undefined;
}
parentPort.on('message', async ({ id, bytes, maxPixels }) => {
  if (!decode) {
    parentPort.postMessage({ id, unavailable: true });
    return;
  }
  let images;
  try {
    images = await decode.all({ buffer: bytes });
    const primary = images[0];
    if (!primary) throw new Error('HEIF image not found');
    if (primary.width * primary.height > maxPixels) {
      parentPort.postMessage({ id, tooLarge: true });
      return;
    }
    const { width, height, data } = await primary.decode();
    parentPort.postMessage({ id, width, height, data }, [data.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  } finally {
    if (images) images.dispose();
  }
});
`;

type WorkerReply = {
  id: number;
  width?: number;
  height?: number;
  data?: Uint8ClampedArray;
  tooLarge?: true;
  unavailable?: true;
  error?: string;
};
type Pending = { thread: Worker; resolve: (image: RawImage) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

class DecoderUnavailableError extends Error {}
let workerUnavailable = false;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Takes a thread out of service: later photos get a fresh one, its own jobs fail. */
function retire(thread: Worker, error: Error): void {
  if (worker === thread) worker = undefined;
  for (const [id, job] of pending) {
    if (job.thread !== thread) continue;
    clearTimeout(job.timer);
    job.reject(error);
    pending.delete(id);
  }
}

/** One decoder thread per process, started on first use and replaced after a crash or a timeout. */
function decoder(): Worker {
  if (worker) return worker;
  const started = new Worker(WORKER_SOURCE, { eval: true });
  started.unref(); // an idle decoder never keeps the process alive
  started.on('message', (reply: WorkerReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    clearTimeout(job.timer);
    if (reply.unavailable) {
      workerUnavailable = true;
      job.reject(new DecoderUnavailableError('heic-decode cannot be loaded in a worker'));
    } else if (reply.tooLarge) job.reject(new HeicTooLargeError('too many pixels'));
    else if (reply.error !== undefined || !reply.data || !reply.width || !reply.height) job.reject(new Error(reply.error ?? 'HEIF decode failed'));
    else job.resolve({ width: reply.width, height: reply.height, data: reply.data });
  });
  started.on('error', (error) => retire(started, error));
  started.on('exit', () => retire(started, new Error('HEIF decoder stopped')));
  worker = started;
  return started;
}

/** The same decode on this thread: only when no worker can load the decoder. */
async function decodeHeicHere(bytes: Uint8Array): Promise<RawImage> {
  const { default: decodeHeicImages } = await import('heic-decode');
  const images = await decodeHeicImages.all({ buffer: bytes });
  try {
    const primary = images[0];
    if (!primary) throw new Error('HEIF image not found');
    if (primary.width * primary.height > MAX_IMAGE_PIXELS) throw new HeicTooLargeError('too many pixels');
    return await primary.decode();
  } finally {
    images.dispose();
  }
}

/** Returns RGBA pixels of the primary image. */
export async function decodeHeic(bytes: Uint8Array, deadlineMs: number = HEIC_DECODE_DEADLINE_MS): Promise<RawImage> {
  if (workerUnavailable) return decodeHeicHere(bytes);
  try {
    return await decodeInWorker(bytes, deadlineMs);
  } catch (error) {
    if (error instanceof DecoderUnavailableError) return decodeHeicHere(bytes);
    throw error;
  }
}

function decodeInWorker(bytes: Uint8Array, deadlineMs: number): Promise<RawImage> {
  const thread = decoder();
  const id = nextId++;
  // The thread decodes one photo at a time: a job queued behind others gets their share of time too.
  const allowedMs = deadlineMs * (pending.size + 1);
  return new Promise<RawImage>((resolve, reject) => {
    const timer = setTimeout(() => {
      // The decoder cannot be interrupted: end the thread (and with it any other job on it).
      retire(thread, new Error(`HEIF decode exceeded ${allowedMs} ms`));
      void thread.terminate();
    }, allowedMs);
    pending.set(id, { thread, resolve, reject, timer });
    // A copy is sent: the caller keeps its upload (it is hashed and may be read again).
    thread.postMessage({ id, bytes: new Uint8Array(bytes), maxPixels: MAX_IMAGE_PIXELS });
  });
}
