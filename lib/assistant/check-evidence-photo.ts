import 'server-only';

import { checkPhoto, type PhotoWarning } from '@/lib/assistant/check-photo';
import { openUprightImage } from '@/lib/assistant/open-image';
import { readBoxLabel } from '@/lib/assistant/read-box-label';

/** The answer of POST /api/evidence-check. */
export type EvidenceCheck = {
  /** 15-digit, Luhn-valid IMEIs read from the photo's barcodes, in label order. */
  imeis: string[];
  /** Linear barcodes decoded in all (an IMEI-less count > 0 means a label without IMEI barcodes). */
  barcodes: number;
  photo: { width: number; height: number; warnings: PhotoWarning[] };
};

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
