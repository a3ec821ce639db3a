import 'server-only';

import { readBoxLabelImeis } from '@/lib/server/box-label/box-label-imeis';
import type { BoxPhoto } from '@/lib/server/build-evidence-bundle';
import { vouchedReading } from '@/lib/server/label-token';

const unique = (imeis: readonly string[]) => [...new Set(imeis)];

/**
 * The box label's IMEIs for the fact table, read once per appeal. A box photo that comes with a
 * valid token from the evidence check (signed over its SHA-256) is not read again: the token says
 * what the check found on these very bytes. The others (API clients, a check that had not
 * finished) are read from the photos as embedded in the PDF (2000 px, about a third of the work
 * of a 12 MP original, and the very image support will see). Only when that finds some IMEIs but
 * not every IMEI of the appeal (the one case where the table would print a warning) are their
 * originals read too, so a shrunk copy never causes a false "not found". Finding none makes no
 * claim either way, and costs no second pass.
 */
export async function readBoxLabelImeisForBundle(
  photos: readonly BoxPhoto[],
  appealImeis: readonly string[],
  labelTokens: readonly string[] = [],
): Promise<string[]> {
  const vouched = photos.map((photo) => vouchedReading(labelTokens, photo.sha256));
  const unread = photos.filter((_, index) => vouched[index] === null);
  const known = vouched.flatMap((imeis) => imeis ?? []);
  if (unread.length === 0) return unique(known);
  const quick = unique([...known, ...(await readBoxLabelImeis(unread.map((photo) => ({ role: 'boxPhoto', bytes: photo.processed }))))]);
  if (quick.length === 0 || appealImeis.every((imei) => quick.includes(imei))) return quick;
  const full = await readBoxLabelImeis(unread.map((photo) => ({ role: 'boxPhoto', bytes: photo.original })));
  return unique([...quick, ...full]);
}
