import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

import { CATALOGUES } from './support/catalogue';

/*
 * What an accessibility audit (keyboard, screen reader, zoom, high contrast) found and what keeps it
 * fixed. Each test looks at one thing a person relies on; axe runs only the rules of that thing.
 */

const ru = CATALOGUES.ru;

test.describe('in Russian, at 320 px (400% zoom)', () => {
  test.use({ locale: 'ru-RU', viewport: { width: 320, height: 640 } });

  test('the skip link stays out of sight until focused, and covers nothing', async ({ page }) => {
    await page.goto('/appeal');
    const skip = page.getByRole('link', { name: ru.home.skipToContent });
    // Its Russian text wraps onto two lines here: the second line once peeked in over the header.
    const hidden = await skip.boundingBox();
    expect(hidden, 'the skip link has a box').not.toBeNull();
    expect(hidden!.y + hidden!.height, 'the skip link is above the page').toBeLessThanOrEqual(0);
    const axe = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
    expect(axe.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);

    await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport({ ratio: 1 });
  });
});
