import { deflateSync } from 'node:zlib';

/**
 * PDFs written object by object, for structures no PDF library would produce: what a hostile
 * upload can be. Objects are numbered from 1 in the order given; object 1 is the catalog.
 */
export function handPdf(objects: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const piece = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
    parts.push(piece);
    length += piece.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

export function pdfStream(data: Buffer | string, dictionary = ''): Buffer {
  const bytes = Buffer.from(data);
  return Buffer.concat([Buffer.from(`<< /Length ${bytes.length} ${dictionary}>>\nstream\n`), bytes, Buffer.from('\nendstream')]);
}

export const flateStream = (data: Buffer | string, dictionary = '') => pdfStream(deflateSync(Buffer.from(data)), `/Filter /FlateDecode ${dictionary}`);

/**
 * A one-page receipt: `page` replaces the page dictionary's entries, `content` its content stream
 * (object 4), `extra` adds objects from number 5.
 */
export function oneReceiptPage({ page, content = '0 0 m 200 300 l S', extra = [] }: { page?: string; content?: string; extra?: (string | Buffer)[] } = {}): Buffer {
  return handPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R ${page ?? '/MediaBox [0 0 300 400] /Contents 4 0 R /Resources << >>'} >>`,
    pdfStream(content),
    ...extra,
  ]);
}

/**
 * A page tree whose every node lists its one child twice, `depth` levels deep: 2^depth pages
 * from a file of a few kilobytes.
 */
export function doublingPageTree(depth: number): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let level = 0; level < depth; level += 1) {
    const child = level + 3;
    objects.push(`<< /Type /Pages /Kids [${child} 0 R ${child} 0 R] /Count 1 >>`);
  }
  const leaf = depth + 2;
  objects.push(`<< /Type /Page /Parent ${leaf - 1} 0 R /MediaBox [0 0 300 400] /Contents ${leaf + 1} 0 R /Resources << >> >>`);
  return handPdf([...objects, pdfStream('0 0 m 100 100 l S').toString('latin1')]);
}
