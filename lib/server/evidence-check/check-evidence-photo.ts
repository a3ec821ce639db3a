import 'server-only';

import type { EvidenceCheck } from '@/lib/appeal/evidence-check';
import { checkPhoto } from '@/lib/server/evidence-check/check-photo';
import { readBoxLabel } from '@/lib/server/box-label/read-box-label';
import { openUploadedImage } from '@/lib/server/process-image';

/**
 * Everything the assistant says about one photo. Nothing is kept: the bytes live in memory for
 * the duration of the call. Throws AppError for bytes that are not a readable image, naming `file`.
 */
export async function checkEvidencePhoto(bytes: Uint8Array, file: string): Promise<EvidenceCheck> {
  const image = await openUploadedImage(bytes, file);
  // One after the other: on two cores a parallel pair would only slow other requests down.
  const photo = await checkPhoto(image);
  const label = await readBoxLabel(image);
  return {
    imeis: label.imeis,
    barcodes: label.barcodes,
    photo: { width: photo.width, height: photo.height, warnings: photo.warnings },
  };
}
