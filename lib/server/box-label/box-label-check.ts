import 'server-only';

import { readBoxLabelImeis } from '@/lib/server/box-label/box-label-imeis';
import type { BoxPhoto } from '@/lib/server/build-evidence-bundle';

/**
 * The box label's IMEIs for the fact table, cheaply: first from the photos as re-encoded for the
 * PDF (2000 px, about a third of the work of the 12 MP originals, and the very image support will
 * see). Only when that finds some IMEIs but not every IMEI of the appeal (the one case where the
 * table would print a warning) are the originals read too, so a shrunk copy never causes a false
 * "not found". Finding none makes no claim either way, and costs no second pass: a photo without
 * a readable label (or a 12 MP HEIC, decoded again) would only add seconds.
 */
export async function readBoxLabelImeisForBundle(photos: readonly BoxPhoto[], appealImeis: readonly string[]): Promise<string[]> {
  const quick = await readBoxLabelImeis(photos.map((photo) => ({ role: 'boxPhoto', bytes: photo.processed })));
  if (quick.length === 0 || appealImeis.every((imei) => quick.includes(imei))) return quick;
  const full = await readBoxLabelImeis(photos.map((photo) => ({ role: 'boxPhoto', bytes: photo.original })));
  return [...new Set([...quick, ...full])];
}
