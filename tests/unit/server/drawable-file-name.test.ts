import { describe, expect, it } from 'vitest';

import { coverageFor } from '@/lib/server/evidence-pdf/fonts';
import { drawableFileName } from '@/lib/server/evidence-pdf/text-font';

const drawn = async (name: string) => drawableFileName(name, await coverageFor(name));

describe('drawableFileName', () => {
  it('leaves out the emoji no font of the PDF has, and the spaces they leave', async () => {
    expect(await drawn('коробка 📦✅.jpg')).toBe('коробка.jpg');
    expect(await drawn('Чек 🧾 Эльдорадо.pdf')).toBe('Чек Эльдорадо.pdf');
    expect(await drawn('❤️ IMG_0042.HEIC')).toBe('IMG_0042.HEIC');
  });

  it('keeps a name it can draw as it is: Cyrillic, Greek, Arabic, spaces and all', async () => {
    for (const name of ['Чек_Эльдорадо_коробка.jpg', 'фото  коробки.jpeg', 'απόδειξη.pdf', 'إيصال.png']) expect(await drawn(name)).toBe(name);
  });

  it('keeps a name of nothing but emoji as it is, rather than an extension alone', async () => {
    expect(await drawn('📦.jpg')).toBe('📦.jpg');
  });
});
