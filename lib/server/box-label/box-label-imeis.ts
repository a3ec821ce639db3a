import 'server-only';

import { isAppError } from '@/lib/server/app-error';
import { readBoxLabel } from '@/lib/server/box-label/read-box-label';
import { openUploadedImage } from '@/lib/server/process-image';

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
      // The name would only appear in a refusal's message, and refusals are not shown from here.
      const reading = await readBoxLabel(await openUploadedImage(file.bytes, 'boxPhoto'), remaining);
      for (const imei of reading.imeis) if (!imeis.includes(imei)) imeis.push(imei);
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
  }
  return imeis;
}
