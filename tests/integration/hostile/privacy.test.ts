/**
 * Nothing of the user's is kept or leaked: a request writes no file, the logs carry no personal
 * data (an IMEI only masked), and no image in the bundle carries EXIF or GPS.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';

import * as hostile from '../../support/hostile-files';
import { readFixture } from '../../support/fixtures';
import { expectBundle, expectRefusal, postForm, standardUploads, validFields, type Upload } from './appeal-client';
import { extractPdfImages } from './pdf-inspect';

const run = promisify(execFile);

/** Everything personal in validFields(), as it could appear in a log line. */
const PERSONAL = ['868907041234565', '867443033012349', 'Иван', 'Петров', 'ivan.petrov@example.com', 'old.ivan@example.com', '900 123', '9001234567', 'Электроника'];

/** Every photo in the shared set carries camera EXIF and a GPS position; so does the HEIC. */
function photosWithGps(): Upload[] {
  return [
    { role: 'boxPhoto', name: 'box-label-12mp.jpg', bytes: readFixture('box-label-12mp.jpg'), type: 'image/jpeg' },
    { role: 'boxPhoto', name: 'IMG_0042.HEIC', bytes: hostile.heic(), type: 'image/heic' },
    { role: 'receipt', name: 'receipt-photo-12mp.jpg', bytes: readFixture('receipt-photo-12mp.jpg'), type: 'image/jpeg' },
    { role: 'receipt', name: 'e-receipt.pdf', bytes: readFixture('e-receipt.pdf'), type: 'application/pdf' },
    { role: 'extra', name: 'order-screenshot.png', bytes: readFixture('order-screenshot.png'), type: 'image/png' },
  ];
}

/** Captures everything written to the console and to stdout/stderr while `work` runs. */
async function captureOutput(work: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const record = (...args: unknown[]) => {
    lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' '));
  };
  const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation(record),
  );
  const writes = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      record(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return true;
    }),
  );
  try {
    await work();
  } finally {
    for (const spy of [...spies, ...writes]) spy.mockRestore();
  }
  return lines.join('\n');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a request writes no file to disk', () => {
  const WRITERS = [
    [fs, ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdtemp', 'mkdtempSync', 'copyFile', 'copyFileSync', 'rename', 'renameSync']],
    [fs.promises, ['writeFile', 'appendFile', 'mkdtemp', 'copyFile', 'rename']],
  ] as const;

  it('no fs write call, and nothing new in a fresh TMPDIR (where libvips would put temp files)', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'appeal-privacy-'));
    vi.stubEnv('TMPDIR', tmp);
    const calls: string[] = [];
    const spies = WRITERS.flatMap(([target, names]) =>
      names.map((name) => {
        const original = (target as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
        return vi.spyOn(target as unknown as Record<string, (...args: unknown[]) => unknown>, name).mockImplementation((...args) => {
          calls.push(`${name}(${String(args[0])})`);
          return original?.(...args);
        });
      }),
    );
    // ESM imports of node:fs read the CJS object once; this makes them see the spies too.
    syncBuiltinESMExports();
    const cwdBefore = new Set(await readdir(process.cwd()));
    try {
      await expectBundle(await postForm(validFields(), photosWithGps()), { deadlineMs: 15_000 });
      await expectRefusal(await postForm(validFields(), [...standardUploads(), { role: 'extra', name: 'x.gif', bytes: await hostile.gif() }]), {
        status: 415,
      });
    } finally {
      for (const spy of spies) spy.mockRestore();
      syncBuiltinESMExports();
    }
    expect(calls).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
    const appeared = (await readdir(process.cwd())).filter((name) => !cwdBefore.has(name));
    expect(appeared).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
  });

  it('no file is opened for writing by any thread, native code included (strace)', async (context) => {
    const traceDir = await mkdtemp(path.join(os.tmpdir(), 'appeal-strace-'));
    const traceFile = path.join(traceDir, 'trace');
    const strace = spawn('strace', ['-f', '-qq', '-e', 'trace=open,openat,creat,rename,renameat,renameat2,mkdir,mkdirat,link,symlink', '-o', traceFile, '-p', String(process.pid)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const attached = await new Promise<boolean>((resolve) => {
      strace.on('error', () => resolve(false));
      strace.on('exit', () => resolve(false));
      // strace has attached once it has written its output file.
      const poll = setInterval(() => {
        if (fs.existsSync(traceFile)) {
          clearInterval(poll);
          setTimeout(() => resolve(true), 300);
        }
      }, 50);
      setTimeout(() => {
        clearInterval(poll);
        resolve(false);
      }, 5000);
    });
    if (!attached) {
      strace.kill();
      await rm(traceDir, { recursive: true, force: true });
      context.skip('strace is not installed or may not attach here; the fs-spy test above still runs');
      return;
    }
    try {
      await expectBundle(await postForm(validFields(), photosWithGps()), { deadlineMs: 15_000 });
    } finally {
      strace.kill('SIGINT');
      await new Promise((resolve) => strace.on('exit', resolve));
    }
    const trace = await readFile(traceFile, 'utf8');
    await rm(traceDir, { recursive: true, force: true });
    const writes = trace
      .split('\n')
      .filter((line) => /O_WRONLY|O_RDWR|O_CREAT|creat\(|rename|mkdir|link\(|symlink\(/.test(line))
      .filter((line) => !/= -1 /.test(line))
      // Not files: the terminal, pipes and Node's own event descriptors.
      .filter((line) => !/"\/dev\/(null|tty|pts\/\d+)"|"\/proc\/|"\/sys\//.test(line));
    expect(writes).toEqual([]);
  });
});

describe('server logs carry no personal data', () => {
  it('neither a refused nor a successful request logs the IMEI, name, e-mail, phone or seller', async () => {
    const output = await captureOutput(async () => {
      await expectBundle(await postForm(validFields(), standardUploads()));
      await expectRefusal(await postForm(validFields(), [...standardUploads(), { role: 'extra', name: 'Анна-паспорт.gif', bytes: await hostile.gif() }]), {
        status: 415,
      });
      await expectRefusal(await postForm(validFields({ contactEmail: 'ivan.petrov@' }), standardUploads()), { status: 400 });
      await expectRefusal(await postForm(validFields(), [{ role: 'boxPhoto', name: 'Петрова.jpg', bytes: readFixture('truncated.jpg') }, ...standardUploads().slice(1)]), {
        status: 422,
      });
    });
    // The refusals were logged: an empty capture would prove nothing.
    expect(output).toContain('appeal.refused');
    for (const personal of PERSONAL) expect(output).not.toContain(personal);
    // The IMEI appears masked at most: the TAC (model) and never the serial part.
    expect(output).not.toMatch(/\d{15}/);
    expect(output).not.toContain('паспорт');
  });
});

describe('no output carries EXIF or GPS', () => {
  it('the images in the bundle have no EXIF, GPS, XMP or camera data (exiftool on pdfimages output)', async () => {
    // The inputs really carry GPS: otherwise this test would prove nothing.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bundle-exif-'));
    try {
      const inputs = photosWithGps().filter((upload) => upload.type !== 'application/pdf' && upload.type !== 'image/png');
      for (const input of inputs) {
        const file = path.join(dir, `in-${input.name}`);
        await writeFile(file, input.bytes);
        const { stdout } = await run('exiftool', ['-json', '-G1', '-GPS:all', file]);
        expect(Object.keys((JSON.parse(stdout) as Record<string, unknown>[])[0] ?? {}).some((key) => key.startsWith('GPS:')), input.name).toBe(true);
      }

      const document = await expectBundle(await postForm(validFields(), photosWithGps()), { deadlineMs: 15_000 });
      const pdf = await document.save();
      const images = await extractPdfImages(pdf);
      expect(images.filter((image) => image.encoding === 'jpeg').length).toBeGreaterThanOrEqual(4);
      for (const [index, image] of images.entries()) {
        const file = path.join(dir, `out-${index}.${image.encoding === 'jpeg' ? 'jpg' : 'bin'}`);
        await writeFile(file, image.bytes);
        const { stdout } = await run('exiftool', ['-json', '-G1', '-a', file]);
        const tags = Object.keys((JSON.parse(stdout) as Record<string, unknown>[])[0] ?? {});
        const leaked = tags.filter((tag) => /^(IFD\d|ExifIFD|InteropIFD|GPS|XMP|IPTC|MakerNotes|ICC|Photoshop|Composite:GPS)/.test(tag));
        expect(leaked, `image ${index} (page ${image.page})`).toEqual([]);
      }

      const whole = path.join(dir, 'bundle.pdf');
      await writeFile(whole, pdf);
      const { stdout } = await run('exiftool', ['-json', '-G1', '-a', '-ee', whole]);
      const pdfTags = Object.keys((JSON.parse(stdout) as Record<string, unknown>[])[0] ?? {});
      expect(pdfTags.filter((tag) => /GPS/i.test(tag))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
