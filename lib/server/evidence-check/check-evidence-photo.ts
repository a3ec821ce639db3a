import 'server-only';

import type { EvidenceCheck } from '@/lib/appeal/evidence-check';
import { checkPhoto } from '@/lib/server/evidence-check/check-photo';
import { openUprightImage } from '@/lib/server/open-image';
import { readBoxLabel } from '@/lib/server/box-label/read-box-label';

/**
 * Everything the assistant says about one photo. Nothing is kept: the bytes live in memory for
 * the duration of the call. Throws ImageInputError for bytes that are not a readable image.
 */
export async function checkEvidencePhoto(bytes: Uint8Array): Promise<EvidenceCheck> {
  const image = await openUprightImage(bytes);
  // One after the other: on two cores a parallel pair would only slow other requests down.
  const photo = await checkPhoto(image);
  const label = await readBoxLabel(image);
  return {
    imeis: label.imeis,
    barcodes: label.barcodes,
    photo: { width: photo.width, height: photo.height, warnings: photo.warnings },
  };
}
