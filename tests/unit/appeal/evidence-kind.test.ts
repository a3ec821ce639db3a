import { readFileSync } from 'node:fs';
import path from 'node:path';

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { EVIDENCE_HEAD_BYTES, sniffEvidenceKind } from '@/lib/appeal/evidence-kind';
import { readFixture } from '../../support/fixtures';

const heic = readFileSync(path.resolve(__dirname, '../../fixtures/box-label-gps.heic'));
const head = (bytes: Uint8Array) => bytes.subarray(0, EVIDENCE_HEAD_BYTES);
const withBrand = (brand: string) => {
  const copy = Buffer.from(heic);
  copy.write(brand, 8, 'latin1');
  return copy;
};

describe('sniffEvidenceKind (form and server alike)', () => {
  it('names real files of every accepted kind from their first bytes', async () => {
    const pixel = sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } });
    expect(sniffEvidenceKind(head(readFixture('box-label-12mp.jpg')))).toBe('jpeg');
    expect(sniffEvidenceKind(head(readFixture('order-screenshot.png')))).toBe('png');
    expect(sniffEvidenceKind(head(await pixel.clone().webp().toBuffer()))).toBe('webp');
    expect(sniffEvidenceKind(head(await pixel.clone().avif().toBuffer()))).toBe('avif');
    expect(sniffEvidenceKind(head(heic))).toBe('heic');
    expect(sniffEvidenceKind(head(readFixture('e-receipt.pdf')))).toBe('pdf');
  });

  it('takes the HEIF brands the decoder reads and no other', () => {
    for (const brand of ['heic', 'heix', 'mif1', 'hevc', 'hevx', 'msf1']) expect(sniffEvidenceKind(head(withBrand(brand)))).toBe('heic');
    // heic-decode refuses these before decoding; an MP4 video shares the ftyp box.
    for (const brand of ['heim', 'heis', 'isom', 'mp42', 'qt  ']) expect(sniffEvidenceKind(head(withBrand(brand)))).toBeNull();
  });

  it('refuses lookalikes', () => {
    const ascii = (text: string) => new TextEncoder().encode(text);
    expect(sniffEvidenceKind(readFixture('not-an-image.jpg'))).toBeNull();
    expect(sniffEvidenceKind(new Uint8Array([0xff, 0xd8, 0xff, 0xf7, 0, 0]))).toBeNull(); // JPEG-LS
    expect(sniffEvidenceKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00]))).toBeNull();
    expect(sniffEvidenceKind(ascii('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffEvidenceKind(ascii('%PDX-1.7'))).toBeNull();
    expect(sniffEvidenceKind(ascii('GIF89a'))).toBeNull();
    expect(sniffEvidenceKind(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffEvidenceKind(new Uint8Array())).toBeNull();
  });
});
