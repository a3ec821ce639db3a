import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';

import { pdfStructureProblem, PDF_EOF_WINDOW } from '@/lib/appeal/pdf-structure';
import { decodeFieldMessage } from '@/lib/i18n/field-message';
import { AppError } from '@/lib/server/app-error';
import { readPdfReceipt } from '@/lib/server/read-pdf-receipt';
import { oneReceiptPage } from '../../support/hand-pdf';

/** A real receipt-like PDF from pdf-lib: two pages with text and lines. */
async function plainPdf(useObjectStreams: boolean): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const line of ['Elektro Markt, receipt 4711', 'Redmi Note 13 Pro, IMEI 868907041234565']) {
    const page = document.addPage([300, 400]);
    page.drawText(line, { x: 20, y: 360, size: 10, font });
    page.drawLine({ start: { x: 20, y: 350 }, end: { x: 280, y: 350 } });
  }
  return document.save({ useObjectStreams });
}

/** qpdf run on `input` with `args` before its input and output files. */
function qpdf(input: Uint8Array, args: readonly string[]): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-structure-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), input);
    execFileSync('qpdf', [...args, path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
    return new Uint8Array(readFileSync(path.join(dir, 'out.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (latin1: string) => new Uint8Array(Buffer.from(latin1, 'latin1'));

let samples: Record<string, Uint8Array>;

beforeAll(async () => {
  const streams = await plainPdf(true);
  const classic = await plainPdf(false);
  samples = {
    'pdf-lib, object streams': streams,
    'pdf-lib, classic cross-reference table': classic,
    // qpdf writes a cross-reference stream for the first, a table and trailer for the second.
    'user password (AES-256)': qpdf(streams, ['--encrypt', 'u', 'o', '256', '--']),
    'owner password only (AES-256)': qpdf(streams, ['--encrypt', '', 'o', '256', '--']),
    'owner password only, classic trailer': qpdf(streams, ['--object-streams=disable', '--encrypt', '', 'o', '256', '--']),
    'owner password only, RC4 (older shop systems)': qpdf(streams, ['--allow-weak-crypto', '--encrypt', '', 'o', '128', '--use-aes=n', '--']),
    'user password, linearised': qpdf(streams, ['--linearize', '--encrypt', 'u', 'o', '256', '--']),
    'owner password only, linearised, classic trailers': qpdf(streams, ['--linearize', '--object-streams=disable', '--encrypt', '', 'o', '256', '--']),
    'rewritten by qpdf, linearised': qpdf(streams, ['--linearize']),
    'cut short by a third': streams.subarray(0, Math.floor((streams.length * 2) / 3)),
    'cut short by a few bytes (its %%EOF lost)': classic.subarray(0, classic.length - 4),
    // pdf-lib parses what is left and gives the page whose content is gone an empty one: a blank page.
    'cut short before its last page’s content': classic.subarray(0, text(classic).lastIndexOf(' 0 obj') - 1),
    'not a PDF inside, only its header': bytesOf(`%PDF-1.7\n${'A'.repeat(2000)}`),
  };
});

describe('pdfStructureProblem', () => {
  it('passes plain PDFs, with a cross-reference stream or table, linearised or not', () => {
    for (const name of ['pdf-lib, object streams', 'pdf-lib, classic cross-reference table', 'rewritten by qpdf, linearised']) {
      expect(pdfStructureProblem(samples[name]!), name).toBeNull();
    }
  });

  it('finds encryption by a user password and by an owner password alone, in a trailer or a cross-reference stream', () => {
    for (const name of [
      'user password (AES-256)',
      'owner password only (AES-256)',
      'owner password only, classic trailer',
      'owner password only, RC4 (older shop systems)',
      'user password, linearised',
      'owner password only, linearised, classic trailers',
    ]) {
      expect(pdfStructureProblem(samples[name]!), name).toBe('encrypted');
    }
    // Proof that both places were met: qpdf put the entry in a /Type /XRef stream's dictionary here…
    expect(text(samples['owner password only (AES-256)']!)).toMatch(/\/Type \/XRef[^]*\/Encrypt \d+ 0 R/);
    expect(text(samples['owner password only (AES-256)']!)).not.toMatch(/\btrailer\b/);
    // … and in a trailer here.
    expect(text(samples['owner password only, classic trailer']!)).toMatch(/trailer\s*<<[^]*\/Encrypt \d+ 0 R/);
  });

  it('refuses a file without %PDF- at its start or without %%EOF near its end: not a PDF inside, or cut short', () => {
    for (const name of ['cut short by a third', 'cut short by a few bytes (its %%EOF lost)', 'cut short before its last page’s content', 'not a PDF inside, only its header']) {
      expect(pdfStructureProblem(samples[name]!), name).toBe('malformed');
    }
    expect(pdfStructureProblem(bytesOf('<!DOCTYPE html><html>receipt</html>'))).toBe('malformed');
    expect(pdfStructureProblem(new Uint8Array(0))).toBe('malformed');
  });

  it('allows stray bytes after %%EOF, as readers do, up to the last kilobyte', () => {
    const plain = samples['pdf-lib, classic cross-reference table']!;
    const padded = (extra: number, byte = 0x78) => new Uint8Array([...plain, ...new Uint8Array(extra).fill(byte)]);
    expect(pdfStructureProblem(padded(2))).toBeNull();
    expect(pdfStructureProblem(padded(PDF_EOF_WINDOW - 10))).toBeNull();
    expect(pdfStructureProblem(padded(PDF_EOF_WINDOW + 10))).toBe('malformed');
  });

  it('does not count padding after the end (NULs, blank lines) as stray bytes, however long', () => {
    const plain = samples['pdf-lib, classic cross-reference table']!;
    const padded = (extra: number, byte: number) => new Uint8Array([...plain, ...new Uint8Array(extra).fill(byte)]);
    expect(pdfStructureProblem(padded(64 * 1024, 0x00))).toBeNull();
    expect(pdfStructureProblem(padded(8 * 1024, 0x0a))).toBeNull();
  });

  it('counts /Encrypt only as a key of a trailer or cross-reference stream, not /EncryptMetadata, nor text in a page', () => {
    const plain = text(oneReceiptPage());
    const withTrailerKey = (entry: string) => bytesOf(plain.replace('/Root 1 0 R >>', `/Root 1 0 R ${entry} >>`));
    expect(pdfStructureProblem(withTrailerKey('/Encrypt 5 0 R'))).toBe('encrypted');
    expect(pdfStructureProblem(withTrailerKey('/Encrypt<</Filter/Standard/V 4>>'))).toBe('encrypted');
    expect(pdfStructureProblem(withTrailerKey('/EncryptMetadata false'))).toBeNull();
    // A page that shows the word, as a receipt about a PDF might: a content stream, not a dictionary.
    const shown = oneReceiptPage({ content: 'BT /F1 9 Tf 20 20 Td (/Encrypt 5 0 R) Tj ET' });
    expect(text(shown)).toContain('/Encrypt 5 0 R');
    expect(pdfStructureProblem(shown)).toBeNull();
  });

  it('stays quick on a hostile 25 MB file made of /Encrypt keys and slashes (the server runs it too)', () => {
    const line = bytesOf('<< /Encrypt 5 0 R /Type /Page >>\n');
    const hostile = new Uint8Array(25 * 1024 * 1024);
    for (let at = 0; at + line.length < hostile.length; at += line.length) hostile.set(line, at);
    hostile.set(bytesOf('%PDF-1.7\n'), 0);
    hostile.set(bytesOf('%%EOF'), hostile.length - 5);
    const started = performance.now();
    expect(pdfStructureProblem(hostile)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('the server refuses what the form refuses, for the same reason', () => {
  const KEYS = { malformed: 'file.pdfMalformed', encrypted: 'file.pdfEncrypted' } as const;

  it('gives each refused sample the same message key as the form, and takes the ones the form takes', async () => {
    const server: Record<string, string | null> = {};
    const form: Record<string, string | null> = {};
    for (const [name, bytes] of Object.entries(samples)) {
      const problem = pdfStructureProblem(bytes);
      form[name] = problem ? KEYS[problem] : null;
      server[name] = await readPdfReceipt(bytes, 'receipt.pdf').then(
        () => null,
        (error: unknown) => (error instanceof AppError ? decodeFieldMessage(error.messageKey).key : String(error)),
      );
    }
    expect(server).toEqual(form);
  });
});
