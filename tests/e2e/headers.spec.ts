import { randomBytes } from 'node:crypto';

import { type APIResponse, expect, test } from '@playwright/test';

import { readFixture } from '../support/fixtures';

function expectCommonSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  const permissions = headers['permissions-policy'] ?? '';
  expect(permissions).toContain('camera=(self)');
  for (const denied of ['geolocation', 'microphone', 'payment', 'usb']) expect(permissions).toContain(`${denied}=()`);
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/'unsafe-eval'/);
  return csp;
}

test.describe('security headers', () => {
  test('pages get a nonce-based CSP, fresh on every response', async ({ request }) => {
    const first = expectCommonSecurityHeaders(await request.get('/'));
    const second = expectCommonSecurityHeaders(await request.get('/'));
    expect(first).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic' 'wasm-unsafe-eval'/);
    expect(first).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(first).toContain("connect-src 'self'");
    expect(first).toContain("img-src 'self' blob: data:");
    expect(first).not.toBe(second);
  });

  test('API answers, static chunks and unknown paths carry the headers too', async ({ request }) => {
    const apiCsp = expectCommonSecurityHeaders(await request.get('/api/health'));
    expect(apiCsp).toContain("default-src 'none'");

    const html = await (await request.get('/')).text();
    const chunk = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(chunk, 'the page links a static chunk').toBeTruthy();
    expectCommonSecurityHeaders(await request.get(chunk ?? ''));

    expectCommonSecurityHeaders(await request.get('/no-such-page'));
    expectCommonSecurityHeaders(await request.get('/api/no-such-route'));
  });

  test('opening an API address in the browser gets a 405 that says what the address is for, not a blank page', async ({ request }) => {
    for (const path of ['/api/appeal', '/api/evidence-check']) {
      const response = await request.get(path, { headers: { 'Accept-Language': 'bg' } });
      expect(response.status(), path).toBe(405);
      expect(response.headers()['allow']).toBe('POST');
      expectCommonSecurityHeaders(response);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('method-not-allowed');
      expect(body.error.message).toContain('отворете формуляра');
    }
  });

  for (const path of ['/', '/appeal', '/no-such-page']) {
    test(`${path} renders and hydrates with no CSP violation`, async ({ page }) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      // Init scripts run outside the page's CSP, so the listener sees every violation.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (event) => {
          seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
        });
      });

      await page.goto(path);
      // React attaches its fiber to the DOM nodes it hydrates; no hydration, no key.
      await expect
        .poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber'))))
        .toBe(true);
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      expect(violations).toEqual([]);
      expect(problems.filter((text) => /content security policy|permissions-policy|refused/i.test(text))).toEqual([]);
    });
  }

  test('a script injected into the page without the nonce does not run', async ({ page }) => {
    // Simulates an HTML injection: the real response and headers, plus one foreign inline script.
    await page.route('**/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('</body>', '<script>window.injected = true</script></body>');
      await route.fulfill({ response, body: html });
    });
    await page.goto('/');
    await expect
      .poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber'))))
      .toBe(true);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  });

  test('an upload over 10 MB reaches the route whole: no proxy clones and truncates it', async ({ request }) => {
    const form = new FormData();
    const fields = { imei: '868907041234565', country: 'RU', purchaseChannel: 'mi-store', purchaseDate: '2025-03-14', ownerName: 'Anna', contactEmail: 'anna@example.com', locale: 'en' };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('boxPhoto', new Blob([readFixture('box-label-12mp.jpg')], { type: 'image/jpeg' }), 'box.jpg');
    form.append('receipt', new Blob([readFixture('e-receipt.pdf')], { type: 'application/pdf' }), 'receipt.pdf');
    // 14 MB of noise as the last part: a body cut at 10 MB would end inside it (400 malformed);
    // read whole, it is judged by its content and refused by name (415).
    form.append('extra', new Blob([randomBytes(14 * 1024 * 1024)]), 'noise-at-the-end.bin');
    const response = await request.post('/api/appeal', { multipart: form, timeout: 60_000 });
    expect(response.status()).toBe(415);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unsupported-file-type');
    expect(body.error.message).toContain('noise-at-the-end.bin');
    expectCommonSecurityHeaders(response);
  });
});
