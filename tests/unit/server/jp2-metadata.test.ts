import { describe, expect, it } from 'vitest';

import { jp2Boxes, withoutJp2Metadata } from '@/lib/server/jp2-metadata';
import { JP2_MARKERS, jp2Box, jp2WithMetadata, TINY_JP2, tinyJp2Boxes } from '../../support/jpeg2000';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const types = (bytes: Uint8Array) => jp2Boxes(bytes).boxes.map((box) => box.type);
const codestream = () => tinyJp2Boxes()[3]!.subarray(8);

describe('withoutJp2Metadata', () => {
  it('drops XMP (xml and uuid boxes), GeoJP2 and uinf boxes, keeping the image boxes byte for byte', () => {
    const original = jp2WithMetadata();
    expect(types(original)).toEqual(['jP  ', 'ftyp', 'jp2h', 'xml ', 'uinf', 'jp2c', 'uuid', 'uuid']);
    for (const marker of Object.values(JP2_MARKERS)) expect(latin1(original)).toContain(marker);

    const clean = withoutJp2Metadata(original);
    expect(types(clean)).toEqual(['jP  ', 'ftyp', 'jp2h', 'jp2c']);
    for (const marker of Object.values(JP2_MARKERS)) expect(latin1(clean)).not.toContain(marker);
    // The image is the file it was before the metadata was added: same header, same codestream.
    expect(Buffer.from(clean).equals(TINY_JP2)).toBe(true);
  });

  it('returns a file without metadata as it is', () => {
    expect(withoutJp2Metadata(TINY_JP2)).toBe(TINY_JP2);
  });

  it('keeps a codestream box that runs to the end of the file (length 0)', () => {
    const [signature, fileType, header] = tinyJp2Boxes();
    const toTheEnd = Buffer.concat([Buffer.from([0, 0, 0, 0]), Buffer.from('jp2c'), codestream()]);
    const file = Buffer.concat([signature!, fileType!, header!, jp2Box('xml ', '<x/>'), toTheEnd]);
    expect(Buffer.from(withoutJp2Metadata(file)).equals(Buffer.concat([signature!, fileType!, header!, toTheEnd]))).toBe(true);
  });

  it('drops bytes after the codestream that are no box, and refuses boxes that do not walk before it', () => {
    expect(Buffer.from(withoutJp2Metadata(Buffer.concat([TINY_JP2, Buffer.from('\n')]))).equals(TINY_JP2)).toBe(true);
    const [signature, fileType] = tinyJp2Boxes();
    const broken = Buffer.concat([signature!, fileType!, Buffer.from([0, 0, 0x10, 0, 0x6a, 0x70, 0x32, 0x68])]);
    expect(() => withoutJp2Metadata(broken)).toThrow(/no JP2 box/);
    expect(() => withoutJp2Metadata(Buffer.from('%PDF-1.7 not an image'))).toThrow();
    expect(() => withoutJp2Metadata(tinyJp2Boxes().slice(1).reduce((all, box) => Buffer.concat([all, box]), Buffer.alloc(0)))).toThrow(/not a JP2/);
  });

  it('drops the comments of a bare codestream’s main header, keeping the rest byte for byte', () => {
    const bare = codestream();
    expect(latin1(bare)).toContain('Created by OpenJPEG');
    const clean = withoutJp2Metadata(bare);
    expect(latin1(clean)).not.toContain('Created by OpenJPEG');
    // Exactly the COM segment (marker, length and text: 2 + 0x25 bytes) is gone.
    const com = latin1(bare).indexOf('\xff\x64');
    expect(Buffer.from(clean).equals(Buffer.concat([bare.subarray(0, com), bare.subarray(com + 2 + 0x25)]))).toBe(true);
    expect(withoutJp2Metadata(clean)).toBe(clean);
    expect(() => withoutJp2Metadata(bare.subarray(0, 40))).toThrow();
  });
});
