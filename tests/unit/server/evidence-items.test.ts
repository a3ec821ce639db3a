import { describe, expect, it } from 'vitest';

import { kindLabel } from '@/lib/server/evidence-pdf/evidence-items';

describe('kindLabel: what was sent, beside the user’s own file name', () => {
  it('is the plain kind when the name agrees with it or says nothing', () => {
    expect(kindLabel('box-label.jpg', 'jpeg')).toBe('JPEG');
    expect(kindLabel('IMG_0042.JPEG', 'jpeg')).toBe('JPEG');
    expect(kindLabel('IMG_0042', 'jpeg')).toBe('JPEG');
    expect(kindLabel('photo.heif', 'heic')).toBe('HEIC');
    expect(kindLabel('чек.pdf', 'pdf')).toBe('PDF');
  });

  it('says "sent as" when the browser sent a photo as a JPEG under its own name', () => {
    expect(kindLabel('shot.avif', 'jpeg')).toBe('sent as JPEG');
    expect(kindLabel('shot.webp', 'jpeg')).toBe('sent as JPEG');
    expect(kindLabel('transparent.PNG', 'jpeg')).toBe('sent as JPEG');
  });
});
