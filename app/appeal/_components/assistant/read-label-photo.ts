/**
 * What "read the IMEI from a photo" does once a photo is picked: prepare it as the Proof step
 * does, ask the evidence check for the label's barcodes, and work out which empty IMEI fields they
 * fill. ImeiFromPhoto loads this on first use, so the device step, the first thing /appeal shows,
 * carries none of the photo preparation.
 */
import { prepareOne, type FileRejection } from '@/lib/form/add-evidence';
import type { EvidenceFile } from '@/lib/form/draft';
import { requestEvidenceCheck } from '@/lib/form/evidence-check-client';
import { fillFromLabel, leftEmptyByMismatch, mismatchedImeis, notesFromCheck, notesFromFailure, type ImeiField, type ImeiFields } from '@/lib/form/label-notes';
import type { Locale } from '@/lib/i18n/locales';

export type LabelPhotoReading =
  /** Refused in the browser (not an image, too large, damaged), with the Proof step's words. */
  | { kind: 'rejected'; rejection: FileRejection }
  /** Refused by the server: it would only be refused again with the appeal, so it is not added. */
  | { kind: 'refused'; message: string | null }
  /** The check could not run: the photo still joins the box photos, unchecked. */
  | { kind: 'unavailable'; photo: EvidenceFile }
  | { kind: 'read'; photo: EvidenceFile; imeis: string[]; filled: { field: ImeiField; value: string }[]; mismatched: string[]; leftEmpty: ImeiField[] };

/**
 * `currentImeis` is asked for after the check, not before: the user may type while the photo is
 * read, and only fields still empty then are filled, and only when no typed IMEI contradicts the
 * label (fillFromLabel).
 */
export async function readLabelPhoto(file: File, locale: Locale, currentImeis: () => ImeiFields): Promise<LabelPhotoReading> {
  const photo = await prepareOne(file, 'boxPhoto', Date.now());
  if ('key' in photo) return { kind: 'rejected', rejection: photo };
  const outcome = await requestEvidenceCheck(photo, locale);
  if (outcome.kind === 'refused') return outcome;
  if (outcome.kind === 'unavailable') return { kind: 'unavailable', photo: { ...photo, notes: notesFromFailure(null) } };
  const { imeis, labelToken } = outcome.check;
  // With the check's signed reading, so the bundle neither reads this label nor decodes this photo again.
  const checked = { ...photo, notes: notesFromCheck(outcome.check, 'boxPhoto'), labelToken };
  const current = currentImeis();
  const { device, filled } = fillFromLabel(current, imeis);
  return {
    kind: 'read',
    photo: checked,
    imeis,
    filled: filled.map((field) => ({ field, value: device[field] })),
    mismatched: mismatchedImeis(current, imeis).map((m) => m.typed),
    // A typed IMEI the label contradicts: the label fills nothing, and the user is told why.
    leftEmpty: leftEmptyByMismatch(current, imeis),
  };
}
