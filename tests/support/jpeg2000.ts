/**
 * JPEG 2000 files for the tests of what a receipt's JPXDecode images keep. Nothing on every
 * machine writes JPEG 2000 (sharp's prebuilt libvips has no OpenJPEG), so the image itself is
 * this 460-byte JP2, 12 × 8 px, an orange field with a black rectangle, written by
 * `convert -size 12x8 xc:'#c84' -fill black -draw "rectangle 2,2 6,5" -alpha off -depth 8
 * -type TrueColor -quality 50 tiny.jp2` (ImageMagick 6.9.11, OpenJPEG 2.5.0): boxes jP, ftyp,
 * jp2h, jp2c; its codestream's main header holds the comment "Created by OpenJPEG version 2.5.0".
 * The metadata boxes are added in code, so each test shows exactly what it sends.
 */
export const TINY_JP2 = Buffer.from(
  'AAAADGpQICANCocKAAAAFGZ0eXBqcDIgAAAAAGpwMiAAAAAtanAyaAAAABZpaGRyAAAACAAAAAwAAwcHAAAAAAAPY29scgEAAAAA' +
  'ABAAAAF/anAyY/9P/1EALwAAAAAADAAAAAgAAAAAAAAAAAAAAAwAAAAIAAAAAAAAAAAAAwcBAQcBAQcBAf9SAAwAAAABAQMEBAAB' +
  '/1wADUBASEhQSEhQSEhQ/2QAJQABQ3JlYXRlZCBieSBPcGVuSlBFRyB2ZXJzaW9uIDIuNS4w/5AACgAAAAAA/gAB/5PD5gQIV8fS' +
  'DAkMf8fSDAHHf8fSCj7AOPsAgAbfCP1zBZ/D6QUPpBw+wCACzwJG7wMPw+YFD6QcPsAgBt8I/X8Fn8fYDT7wWH2A4Aw0cfWPSQ+3' +
  'EYUPC3U+Hhn6b8PjCR9ISD5gwAtbkuYQkYzODFGFmKxEw+kLH0hIPgEADDRxv8sPtwvJC3U+HsfMJj7A+D6Q4Anr35FW0GUAfxz9' +
  'gxkPsaQi8oFHGOAAYhF7E8cKB6nD4g8PgJgfAMAHO9eRVtBlHFGBGQ+xpCLyFCsbxwoHw+MRD4CYHwDACevfkVbQZQAc/YMZD7Gk' +
  'IvIRexPHCgf/2Q==',
  'base64',
);

/** A JP2 box: 4-byte length, 4-byte type, contents; `extended` writes the 8-byte length form. */
export function jp2Box(type: string, contents: Buffer | string, extended = false): Buffer {
  const body = Buffer.from(contents);
  const header = Buffer.alloc(extended ? 16 : 8);
  header.writeUInt32BE(extended ? 1 : header.length + body.length, 0);
  header.write(type, 4, 'latin1');
  if (extended) header.writeBigUInt64BE(BigInt(header.length + body.length), 8);
  return Buffer.concat([header, body]);
}

/** The UUIDs exiftool and GeoJP2 write: XMP, and a GeoTIFF header with the image's position. */
const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
const GEOJP2_UUID = Buffer.from('b14bf8bd083d4b43a5ae8cd7d5a6ce03', 'hex');

export const JP2_MARKERS = { xmlCreator: 'JP2 XML Creator 4417', uuidCreator: 'JP2 UUID Creator 4417', geoTiff: 'GeoTIFF 55.7539N 37.6208E', url: 'file:///home/ivan/scans/' };

const xmp = (creator: string) =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="55,45.234N" exif:GPSLongitude="37,37.248E"><dc:creator><rdf:Seq><rdf:li>${creator}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;

/** The tiny JP2's top-level boxes, each as stored. */
export function tinyJp2Boxes(): Buffer[] {
  const boxes: Buffer[] = [];
  for (let at = 0; at < TINY_JP2.length; at += TINY_JP2.readUInt32BE(at)) boxes.push(TINY_JP2.subarray(at, at + TINY_JP2.readUInt32BE(at)));
  return boxes;
}

/**
 * The tiny JP2 carrying metadata as cameras, exiftool and GIS tools write it: an XMP 'xml ' box
 * and a 'uinf' box with a URL before the codestream, an XMP 'uuid' box (8-byte length form) and
 * a GeoJP2 'uuid' box after it.
 */
export function jp2WithMetadata(): Buffer {
  const [signature, fileType, header, codestream] = tinyJp2Boxes() as [Buffer, Buffer, Buffer, Buffer];
  const uinf = jp2Box('uinf', Buffer.concat([jp2Box('ulst', Buffer.concat([Buffer.from([0, 1]), XMP_UUID])), jp2Box('url ', `\0\0\0\0${JP2_MARKERS.url}\0`)]));
  return Buffer.concat([
    signature, fileType, header,
    jp2Box('xml ', xmp(JP2_MARKERS.xmlCreator)),
    uinf,
    codestream,
    jp2Box('uuid', Buffer.concat([XMP_UUID, Buffer.from(xmp(JP2_MARKERS.uuidCreator))]), true),
    jp2Box('uuid', Buffer.concat([GEOJP2_UUID, Buffer.from(JP2_MARKERS.geoTiff)])),
  ]);
}
