import 'server-only';

import { ImageInputError, openUprightImage } from '@/lib/server/open-image';
import { readBoxLabel } from '@/lib/server/box-label/read-box-label';

/** The budget for all box photos of one appeal together: the PDF is what the user waits for. */
const BUNDLE_READ_BUDGET_MS = 1500;

/**
 * The IMEIs on the box label barcodes across an appeal's box photos (usually one, at most three),
 * in label order, de-duplicated, for the PDF's "matches box label barcode" notes. A photo that
 * cannot be read adds nothing here: refusing it is the bundle pipeline's job, with its own message.
 */
export async function readBoxLabelImeis(files: readonly { role: string; bytes: Uint8Array }[]): Promise<string[]> {
  const deadline = performance.now() + BUNDLE_READ_BUDGET_MS;
  const imeis: string[] = [];
  for (const file of files) {
    if (file.role !== 'boxPhoto') continue;
    const remaining = deadline - performance.now();
    if (remaining <= 0) break;
    try {
      const reading = await readBoxLabel(await openUprightImage(file.bytes), remaining);
      for (const imei of reading.imeis) if (!imeis.includes(imei)) imeis.push(imei);
    } catch (error) {
      if (!(error instanceof ImageInputError)) throw error;
    }
  }
  return imeis;
}
