import { describe, expect, it } from 'vitest';

import { evidenceCaption, kindLabel } from '@/lib/server/evidence-pdf/evidence-items';

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

describe('evidenceCaption: the zone a file was added to', () => {
  it('numbers a zone’s files only when it has several', () => {
    expect(evidenceCaption('boxPhoto', 1, 1)).toBe('Box label');
    expect(evidenceCaption('receipt', 2, 3)).toBe('Receipt 2 of 3');
    expect(evidenceCaption('extra', 1, 2)).toBe('Other evidence 1 of 2');
  });

  it('calls a second-hand sale record under “Receipt” a purchase record: it may be a listing or a chat', () => {
    expect(evidenceCaption('receipt', 1, 1, { saleRecord: true })).toBe('Purchase record');
    expect(evidenceCaption('receipt', 1, 2, { saleRecord: true })).toBe('Purchase record 1 of 2');
    expect(evidenceCaption('boxPhoto', 1, 1, { saleRecord: true })).toBe('Box label');
    expect(evidenceCaption('extra', 1, 1, { saleRecord: true })).toBe('Other evidence');
    expect(evidenceCaption('receipt', 1, 1, { saleRecord: false })).toBe('Receipt');
  });
});
