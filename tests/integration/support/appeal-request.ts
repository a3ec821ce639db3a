import { readFixture } from '../../support/fixtures';

export type UploadSpec = { field: 'boxPhoto' | 'receipt' | 'extra' | string; name: string; bytes: Uint8Array; type?: string };

/** The facts of the fixtures' phone, as the form would send them. */
export const STANDARD_FIELDS: Record<string, string> = {
  imei: '868907041234565',
  imei2: '86-744303-301234-9',
  serialNumber: '44871/F2ZX01234',
  model: 'Redmi Note 12 Pro 5G',
  country: 'RU',
  purchaseChannel: 'authorized-retailer',
  sellerName: 'Электроника Плюс',
  purchaseDate: '2025-03-14',
  orderNumber: '5123-778-0042',
  price: '27 990,00 ₽',
  ownerName: 'Иван Петров',
  contactEmail: 'ivan.petrov@example.com',
  contactPhone: '+7 900 123-45-67',
  linkedAccount: 'old.ivan@example.com',
  notes: 'Куплен новым в магазине, пароль от аккаунта утерян.',
  receiptShows: 'seller,date,model,imei,price',
  caseReference: 'AK-7Q2M-X9FD',
  locale: 'ru',
};

/** Box photo, receipt photo, order screenshot and the e-receipt PDF: the set the budget is set for. */
export function standardFiles(): UploadSpec[] {
  return [
    { field: 'boxPhoto', name: 'box-label-12mp.jpg', bytes: readFixture('box-label-12mp.jpg'), type: 'image/jpeg' },
    { field: 'receipt', name: 'receipt-photo-12mp.jpg', bytes: readFixture('receipt-photo-12mp.jpg'), type: 'image/jpeg' },
    { field: 'receipt', name: 'order-screenshot.png', bytes: readFixture('order-screenshot.png'), type: 'image/png' },
    { field: 'receipt', name: 'e-receipt.pdf', bytes: readFixture('e-receipt.pdf'), type: 'application/pdf' },
  ];
}

/** A real multipart/form-data request, encoded by undici exactly as a browser's fetch would. */
export function appealRequest(fields: Record<string, string>, files: readonly UploadSpec[]): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(file.field, new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? 'application/octet-stream' }));
  }
  return new Request('http://localhost/api/appeal', { method: 'POST', body: form });
}

export type ErrorBody = { error: { code: string; message: string; fields: Record<string, string>; requestId?: string } };
