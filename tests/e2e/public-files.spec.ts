import { expect, test, type APIRequestContext } from '@playwright/test';

import en from '../../lib/i18n/messages/en/form.json';
import ru from '../../lib/i18n/messages/ru/form.json';

type ManifestIcon = { src: string; sizes: string; type: string; purpose?: string };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

async function fetchOk(request: APIRequestContext, url: string, type: string | RegExp) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toMatch(type);
  return response;
}

test('the web app manifest and its icons are served from this origin, with the right types and sizes', async ({ request }) => {
  const response = await fetchOk(request, '/manifest.webmanifest', /^application\/manifest\+json/);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: ManifestIcon[];
  };
  expect(manifest).toMatchObject({ name: 'Appeal Kit', short_name: 'Appeal Kit', start_url: '/', display: 'standalone' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable' && icon.sizes === '512x512')).toBe(true);
  for (const size of ['192x192', '512x512']) expect(manifest.icons.some((icon) => icon.sizes === size && icon.purpose === 'any')).toBe(true);
  for (const icon of manifest.icons) {
    expect(icon.src, 'same origin').toMatch(/^\/[^/]/);
    const file = await fetchOk(request, icon.src, icon.type);
    if (icon.type === 'image/png') expect(pngSize(await file.body()), icon.src).toBe(icon.sizes);
  }
  expect(pngSize(await (await fetchOk(request, '/apple-touch-icon.png', 'image/png')).body())).toBe('180x180');
  await fetchOk(request, '/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)/);
  const robots = await fetchOk(request, '/robots.txt', /^text\/plain/);
  expect(await robots.text()).toContain('Disallow: /api/');
});

test('the pages link the manifest and icons, and show the logo in the header', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', '/apple-touch-icon.png');
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute('href', '/logo.svg');
  // The mark is decorative: the link around it is named by the app's name.
  const logo = page.getByRole('banner').locator('img[src="/logo.svg"]');
  await expect(logo).toHaveAttribute('alt', '');
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Appeal Kit' })).toBeVisible();
  expect(violations).toEqual([]);
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('the Proof step shows the example photos with their text alternatives, in the page language', async ({ page }) => {
    const guidance: { url: string; status: number; type: string }[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/guidance/')) guidance.push({ url: response.url(), status: response.status(), type: response.headers()['content-type'] ?? '' });
    });
    await page.goto('/appeal');
    // The step takes input once the saved draft is read ("Saved in this browser"); before that it is
    // inert, and a click on Continue there does nothing (a loaded CI machine once took that long).
    await expect(page.getByText(ru.saved, { exact: true })).toBeVisible();
    await page.getByLabel(ru.device.imei.label, { exact: true }).fill('868907041234565');
    await page.getByRole('button', { name: ru.continue }).click();
    await page.getByLabel(ru.purchase.country.label).selectOption('RU');
    await page.getByRole('radio', { name: ru.purchase.channel['authorized-retailer'] }).check();
    await page.getByLabel(ru.purchase.purchaseDate.label, { exact: false }).first().fill('2025-03-14');
    await page.getByRole('button', { name: ru.continue }).click();

    const examples = ru.evidence.guide.examples;
    const section = page.getByRole('region', { name: examples.title });
    await expect(section).toBeVisible();
    for (const key of ['good', 'far', 'blurred', 'glare'] as const) {
      const image = section.getByRole('img', { name: examples[key].alt });
      await expect(image).toBeVisible();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await expect(section).toContainText(examples[key].caption);
      // Every language has its own words for each photo.
      expect(examples[key].alt).not.toBe(en.evidence.guide.examples[key].alt);
    }
    expect(guidance.map(({ url }) => new URL(url).pathname).sort()).toEqual(['/guidance/blurred.webp', '/guidance/far.webp', '/guidance/glare.webp', '/guidance/good.webp']);
    for (const file of guidance) expect(file, file.url).toMatchObject({ status: 200, type: 'image/webp' });
  });
});
