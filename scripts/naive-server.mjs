#!/usr/bin/env node
/**
 * The baseline the benchmark and the load script measure Appeal Kit against: the evidence PDF as
 * a deliberately naive server would build it. Every photo through sharp (upright, 2000 px, JPEG
 * quality 80), PDF receipts copied page by page, all into one pdf-lib document; no checks of the
 * text fields, no barcode reading, no queue, no letter or fact table. Run as its own process
 * (`node scripts/naive-server.mjs <port>`) so its CPU time can be read from /proc.
 */
import { createServer } from 'node:http';
import { Readable } from 'node:stream';

import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

const port = Number(process.argv[2] ?? 4109);

async function naiveBundle(files) {
  const pdf = await PDFDocument.create();
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (file.type === 'application/pdf') {
      const source = await PDFDocument.load(bytes);
      for (const page of await pdf.copyPages(source, source.getPageIndices())) pdf.addPage(page);
      continue;
    }
    const jpeg = await sharp(bytes).rotate().resize(2000, 2000, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
    const image = await pdf.embedJpg(jpeg);
    pdf.addPage([image.width, image.height]).drawImage(image, { x: 0, y: 0, width: image.width, height: image.height });
  }
  return pdf.save();
}

createServer(async (req, res) => {
  if (req.method !== 'POST') return res.writeHead(200).end('ok');
  try {
    const form = await new Response(Readable.toWeb(req), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
    const files = [...form.values()].filter((value) => typeof value !== 'string');
    const pdf = await naiveBundle(files);
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length }).end(pdf);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
}).listen(port, '127.0.0.1');
