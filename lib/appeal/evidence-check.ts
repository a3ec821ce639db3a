/**
 * The answer of POST /api/evidence-check: the contract shared by the server that computes it
 * (lib/server/evidence-check) and the browser that reads it (lib/form/evidence-check-client.ts).
 */

export type PhotoWarning = 'tooSmall' | 'blurred' | 'dark';

export type EvidenceCheck = {
  /** 15-digit, Luhn-valid IMEIs read from the photo's barcodes, in label order. */
  imeis: string[];
  /** Linear barcodes decoded in all (an IMEI-less count > 0 means a label without IMEI barcodes). */
  barcodes: number;
  photo: { width: number; height: number; warnings: PhotoWarning[] };
  /**
   * `imeis` signed with the photo's SHA-256 (lib/server/label-token.ts), which the check decoded
   * whole. Sent back with the appeal, it spares the bundle a second reading of a box label and a
   * second decode of a prepared photo.
   */
  labelToken?: string;
};
