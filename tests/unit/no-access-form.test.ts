import { describe, expect, it } from 'vitest';

import { noAccessFormRows } from '@/lib/support/no-access-form';
import { EVERY_ROLE_ENCLOSED, realisticAppeal } from './appeal-samples';

describe('noAccessFormRows', () => {
  it('gives each answer in the order of Xiaomi’s no-access form', () => {
    const appeal = realisticAppeal({ linkedAccount: '+7 900 123-45-67', orderNumber: '5123-778-0042' });
    expect(noAccessFormRows(appeal, EVERY_ROLE_ENCLOSED, 'en').map((row) => row.field)).toEqual([
      'imei',
      'country',
      'boundPhone',
      'seller',
      'boxPhoto',
      'orderNumber',
    ]);
  });

  it('says what to do where there is nothing to paste: no bound number, no seller, no order number', () => {
    const appeal = realisticAppeal({ imei: '', imei2: '', lockCode: 'A1B2-C3D4', linkedAccount: 'old.ivan@example.com', sellerName: '', orderNumber: '' });
    expect(noAccessFormRows(appeal, EVERY_ROLE_ENCLOSED, 'ru')).toEqual([
      { field: 'lockCode', value: 'A1B2-C3D4' },
      { field: 'country', value: 'Россия' },
      { field: 'boundPhoneSkip' },
      { field: 'otherSeller' },
      { field: 'boxPhoto' },
      { field: 'receipt' },
    ]);
  });

  it('does not ask to upload a box photo the appeal does not have', () => {
    const rows = noAccessFormRows(realisticAppeal(), { boxPhoto: 0, receipt: 1, extra: 0 }, 'en');
    expect(rows.map((row) => row.field)).toContain('boxPhotoNone');
    expect(rows.map((row) => row.field)).not.toContain('boxPhoto');
  });
});
