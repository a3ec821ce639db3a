import 'server-only';

import { readBoxLabelImeis } from '@/lib/assistant/box-label-imeis';
import type { BoxPhoto } from '@/lib/server/build-evidence-bundle';

/**
 * The box label's IMEIs for the fact table, cheaply: first from the photos as re-encoded for the
 * PDF (2000 px, about a third of the work of the 12 MP originals, and the very image support will
 * see), then, only if an IMEI of the appeal was not found there, from the originals too, so a
 * small label in a wide shot is never reported missing just because the copy was shrunk.
 */
export async function readBoxLabelImeisForBundle(photos: readonly BoxPhoto[], appealImeis: readonly string[]): Promise<string[]> {
  const quick = await readBoxLabelImeis(photos.map((photo) => ({ role: 'boxPhoto', bytes: photo.processed })));
  if (appealImeis.every((imei) => quick.includes(imei))) return quick;
  const full = await readBoxLabelImeis(photos.map((photo) => ({ role: 'boxPhoto', bytes: photo.original })));
  return [...new Set([...quick, ...full])];
}
