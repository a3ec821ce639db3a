import 'server-only';

import os from 'node:os';
import { Worker } from 'node:worker_threads';

export type RawImage = { width: number; height: number; data: Uint8ClampedArray };

export class HeicTooLargeError extends Error {}

/**
 * libheif decodes the whole photo (YCbCr planes, then RGBA copied out of WebAssembly memory), so
 * HEIC has its own limit, far below MAX_IMAGE_PIXELS (100 MP: over 1 GB at ~12 bytes a pixel).
 * Peak RSS above an idle node with the decoder loaded, measured decoding through this path then
 * openImage's pipeline: 12 MP 176 MB, 24.5 MP 316 MB, 50 MP 590 MB. 25 MP still takes the 24 MP
 * photos current iPhones take by default (5712 × 4284); the 48 MP "HEIF Max" setting is refused
 * with the advice to use the normal camera settings.
 */
export const MAX_HEIC_PIXELS = 25_000_000;

/** A 12 MP iPhone photo decodes in about 1–2 s here; a file still busy after this is refused. */
const HEIC_DECODE_DEADLINE_MS = 15_000;

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
parentPort.on('message', async ({ bytes, maxPixels }) => {
  if (!decode) {
    parentPort.postMessage({ unavailable: true });
    return;
  }
  let images;
  try {
    images = await decode.all({ buffer: bytes });
    const primary = images[0];
    if (!primary) throw new Error('HEIF image not found');
    if (primary.width * primary.height > maxPixels) {
      parentPort.postMessage({ tooLarge: true });
      return;
    }
    const { width, height, data } = await primary.decode();
    parentPort.postMessage({ width, height, data }, [data.buffer]);
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    if (images) images.dispose();
  }
});
`;

type WorkerReply = {
  width?: number;
  height?: number;
  data?: Uint8ClampedArray;
  tooLarge?: true;
  unavailable?: true;
  error?: string;
};
type Job = { bytes: Uint8Array; deadlineMs: number; resolve: (image: RawImage) => void; reject: (error: Error) => void };
/** A decoder thread and the one photo it is decoding, if any. */
type Decoder = {
  thread: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** It has decoded a large photo, so it holds that photo's memory until it ends. */
  holdsLarge?: boolean;
  retireWhenIdle?: NodeJS.Timeout;
};

class DecoderUnavailableError extends Error {}
let workerUnavailable = false;

/**
 * Each thread decodes one photo at a time, so a photo past its deadline is ended by terminating
 * its own thread and never takes another user's photo with it. Two threads: a slow photo does not
 * hold up the next one, and each thread holds a copy of the decoder (tens of MB).
 */
const MAX_DECODERS = Math.min(2, os.availableParallelism());
const decoders = new Set<Decoder>();
const queued: Job[] = [];

/** Settles the thread's current photo and frees the thread for the next one. */
function finish(decoder: Decoder, settle: (job: Job) => void): void {
  const { job } = decoder;
  clearTimeout(decoder.timer);
  clearTimeout(decoder.retireWhenIdle);
  decoder.job = undefined;
  decoder.timer = undefined;
  if (job) settle(job);
}

/**
 * WebAssembly memory only grows: a thread keeps the high-water mark of its largest photo for
 * good (measured: RSS 88 MB with the decoder loaded, 206 MB after one 12 MP photo, 322 MB after a
 * 24 MP one, with nothing held). A thread that has decoded a photo this large is ended once it
 * has had nothing to do for LARGE_PHOTO_GRACE_MS. Until then it takes the next photo: an appeal's
 * HEIC photos come together (the bundle) or seconds apart (the evidence check, as each is
 * added), and a fresh thread costs about 0.3 s against 1.7 s for a 12 MP decode, while a used
 * one decodes the next photo in the memory it already holds.
 */
export const RECYCLE_AFTER_PIXELS = 4_000_000;
export const LARGE_PHOTO_GRACE_MS = 3_000;

/** Threads alive now (for tests: a thread is ended after a large photo). */
export function heicDecoderThreads(): number {
  return decoders.size;
}

/** Takes a thread out of service (crashed or past a deadline): only its own photo fails. */
function retire(decoder: Decoder, error: Error): void {
  if (!decoders.delete(decoder)) return;
  finish(decoder, (job) => job.reject(error));
  void decoder.thread.terminate();
  dispatch();
}

function startDecoder(): Decoder {
  const decoder: Decoder = { thread: new Worker(WORKER_SOURCE, { eval: true }) };
  decoder.thread.unref(); // an idle decoder never keeps the process alive
  decoder.thread.on('message', (reply: WorkerReply) => {
    finish(decoder, (job) => {
      if (reply.unavailable) {
        workerUnavailable = true;
        job.reject(new DecoderUnavailableError('heic-decode cannot be loaded in a worker'));
      } else if (reply.tooLarge) job.reject(new HeicTooLargeError('too many pixels'));
      else if (reply.error !== undefined || !reply.data || !reply.width || !reply.height) job.reject(new Error(reply.error ?? 'HEIF decode failed'));
      else job.resolve({ width: reply.width, height: reply.height, data: reply.data });
    });
    if ((reply.width ?? 0) * (reply.height ?? 0) > RECYCLE_AFTER_PIXELS) decoder.holdsLarge = true;
    dispatch();
    if (decoder.holdsLarge && !decoder.job) {
      decoder.retireWhenIdle = setTimeout(() => {
        // Out of service first, so its exit fails no photo and the next one goes to a fresh thread.
        decoders.delete(decoder);
        void decoder.thread.terminate();
      }, LARGE_PHOTO_GRACE_MS);
      decoder.retireWhenIdle.unref();
    }
  });
  decoder.thread.on('error', (error) => retire(decoder, error));
  decoder.thread.on('exit', () => retire(decoder, new Error('HEIF decoder stopped')));
  decoders.add(decoder);
  return decoder;
}

/** Hands queued photos to idle threads, starting threads up to the limit. */
function dispatch(): void {
  while (queued.length > 0) {
    const decoder = [...decoders].find((candidate) => !candidate.job) ?? (decoders.size < MAX_DECODERS ? startDecoder() : undefined);
    if (!decoder) return;
    const job = queued.shift()!;
    clearTimeout(decoder.retireWhenIdle);
    decoder.job = job;
    // The deadline runs from the moment a thread starts on the photo: waiting in line is not decoding.
    decoder.timer = setTimeout(() => retire(decoder, new Error(`HEIF decode exceeded ${job.deadlineMs} ms`)), job.deadlineMs);
    // A copy is sent: the caller keeps its upload (it is hashed and may be read again).
    decoder.thread.postMessage({ bytes: new Uint8Array(job.bytes), maxPixels: MAX_HEIC_PIXELS });
  }
}

/** The same decode on this thread: only when no worker can load the decoder. */
async function decodeHeicHere(bytes: Uint8Array): Promise<RawImage> {
  const { default: decodeHeicImages } = await import('heic-decode');
  const images = await decodeHeicImages.all({ buffer: bytes });
  try {
    const primary = images[0];
    if (!primary) throw new Error('HEIF image not found');
    if (primary.width * primary.height > MAX_HEIC_PIXELS) throw new HeicTooLargeError('too many pixels');
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
  return new Promise<RawImage>((resolve, reject) => {
    queued.push({ bytes, deadlineMs, resolve, reject });
    dispatch();
  });
}
