import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

import { PURCHASE_CHANNELS } from '@/lib/appeal/schema';
import type { EvidenceRole } from '@/lib/appeal/evidence-rules';
import { fixturePath, readFixture } from '../support/fixtures';
import { CATALOGUES, fill } from './support/catalogue';
import {
  EVIDENCE,
  MINIMAL_BUYER,
  addFiles,
  addQuickEvidence,
  answerTriage,
  continueTo,
  expectNewTabLinksSaySo,
  fillDevice,
  fillPurchase,
  listedFiles,
  openFreshAppeal,
  reachEvidence,
  reachReview,
  textbox,
  zone,
} from './support/pages';

/*
 * What an accessibility audit (keyboard, screen reader, zoom, high contrast) found and what keeps it
 * fixed. Each test looks at one thing a person relies on; axe runs only the rules of that thing.
 */

const en = CATALOGUES.en;
const ru = CATALOGUES.ru;

/** The WCAG contrast ratio of two sRGB colours given as [r, g, b] in 0–255. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, bl] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The colours of the focus ring (a box shadow) the focused element draws. */
async function ringColours(page: Page, element: Locator): Promise<number[][]> {
  const shadow = await element.evaluate((el) => getComputedStyle(el).boxShadow);
  return [...shadow.matchAll(/rgba?\((\d+), (\d+), (\d+)/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
}

/** WCAG 1.4.12's text spacing, as the W3C's test bookmarklet sets it. */
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

/** The page does not scroll sideways; if it does, the elements that stick out are named. */
async function expectNoSideways(page: Page, where: string) {
  const { overflow, culprits } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && element.checkVisibility())
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} “${(element.textContent ?? '').trim().slice(0, 40)}”`)
      .slice(-8);
    return { overflow: root.scrollWidth - width, culprits };
  });
  expect(overflow, `${where} scrolls sideways at ${page.viewportSize()?.width} px:\n${culprits.join('\n')}`).toBeLessThanOrEqual(0);
}

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('the focus ring stands out from white and grey pages (3:1), and shows in high-contrast mode', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'a keyboard check');
    await page.goto('/');
    const brand = page.getByRole('link', { name: en.home.title });
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab');
    await expect(brand).toBeFocused();
    const colours = await ringColours(page, brand);
    expect(colours.length, 'a ring is drawn').toBeGreaterThan(0);
    for (const background of [[255, 255, 255], [246, 247, 249]]) {
      const best = Math.max(...colours.map((colour) => contrast(colour, background)));
      expect(best, `focus ring against rgb(${background.join(', ')})`).toBeGreaterThanOrEqual(3);
    }

    // Windows' high-contrast themes remove box shadows: what remains must be an outline.
    await page.emulateMedia({ forcedColors: 'active' });
    const outline = await brand.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: parseFloat(getComputedStyle(el).outlineWidth) }));
    expect(outline.style, 'an outline in forced colours').not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });

  test('the language list can be stepped through with the arrow keys; Enter switches, not each key', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'a keyboard check');
    await page.goto('/appeal');
    // Keys pressed before hydration reach a bare <select>, with none of the handlers under test
    // (the first run after a cold start failed so): the form takes input once the draft is read.
    await expect(page.locator('fieldset[inert]')).toHaveCount(0);
    // Found by place, not by its label: the label itself changes language.
    const language = page.getByRole('banner').getByRole('combobox');
    await expect(language).toHaveAccessibleName(en.home.language);
    await language.focus();
    // The page's words come again from the server when the language changes (an RSC request).
    const refreshed = () =>
      page.waitForRequest((request) => request.headers()['rsc'] === '1', { timeout: 2_000 }).then(
        () => 'the page switched language',
        () => 'the page stayed',
      );
    const stepping = refreshed();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(language).toHaveValue('bg');
    // Before: each arrow re-rendered the page (and its screen reader) in Russian, then Bulgarian.
    expect(await stepping).toBe('the page stayed');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(ru.form.steps.device);
    await expect(language).toHaveAccessibleName(ru.home.language);
    await expect(language).toBeFocused();

    // A choice in the opened list (here: picked with the mouse) still switches at once.
    await language.selectOption('uk');
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  });

  test('the window title names the step, in the page’s language', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'the title does not depend on the viewport');
    const stepTitle = (c: typeof en, step: number, name: string) => `${fill(c.form.stepOf, { step, total: 5 })} ${name} – ${c.form.metaTitle}`;
    await openFreshAppeal(page);
    // Before: every step was "Your appeal – Appeal Kit", for a screen reader switching tabs and in
    // the browser's history, which lists an entry per step.
    await expect(page).toHaveTitle(stepTitle(en, 1, en.form.steps.device));
    await fillDevice(page, en, MINIMAL_BUYER);
    await continueTo(page, en, en.form.steps.purchase);
    await expect(page).toHaveTitle(stepTitle(en, 2, en.form.steps.purchase));
    await page.getByRole('banner').getByRole('combobox').selectOption('ru');
    await expect(page).toHaveTitle(stepTitle(ru, 2, ru.form.steps.purchase));
    // Leaving the form, the start page has its own title again.
    await page.getByRole('link', { name: ru.home.title }).click();
    await expect(page).toHaveTitle(ru.home.metaTitle);
    // And coming back to it, the step's again (the saved draft is still on step 2).
    await page.getByRole('link', { name: ru.home.start }).first().click();
    await expect(page).toHaveTitle(stepTitle(ru, 2, ru.form.steps.purchase));
  });

  test('the fields a step needs are announced as required, and only those', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'the markup does not depend on the viewport');
    test.setTimeout(120_000);
    // Before: only the missing "(optional)" after a label told a sighted user which fields were
    // needed; a screen reader said nothing of it, and the purchase channel was a bare group.
    const required = (control: Locator) => expect(control).toHaveAttribute('aria-required', 'true');
    const optional = (control: Locator) => expect(control).not.toHaveAttribute('aria-required', 'true');

    await openFreshAppeal(page);
    const device = en.form.device;
    await required(page.getByRole('textbox', { name: device.imei.label, exact: true }));
    for (const label of [device.imei2.label, device.serialNumber.label, device.model.label]) await optional(textbox(page, label));
    await page.getByText(device.lockCode.summary).click();
    await optional(textbox(page, device.lockCode.label));
    await fillDevice(page, en, MINIMAL_BUYER);
    await continueTo(page, en, en.form.steps.purchase);

    const purchase = en.form.purchase;
    await required(page.getByRole('combobox', { name: purchase.country.label }));
    const channel = page.getByRole('radiogroup', { name: purchase.channel.label });
    await required(channel);
    await expect(channel.getByRole('radio')).toHaveCount(PURCHASE_CHANNELS.length);
    await required(page.getByLabel(purchase.purchaseDate.label, { exact: true }));
    for (const label of [purchase.sellerName.label, purchase.orderNumber.label, purchase.price.label]) await optional(textbox(page, label));
    await fillPurchase(page, en, MINIMAL_BUYER);
    // The recipient box appears with the country.
    await required(page.getByRole('textbox', { name: purchase.recipient.label, exact: true }));
    await continueTo(page, en, en.form.steps.evidence);
    await addQuickEvidence(page, en);
    await continueTo(page, en, en.form.steps.contact);

    const contact = en.form.contact;
    for (const label of [contact.ownerName.label, contact.contactEmail.label]) await required(page.getByRole('textbox', { name: label, exact: true }));
    for (const label of [contact.contactPhone.label, contact.linkedAccount.label, contact.accountHint.label, contact.notes.label]) await optional(textbox(page, label));
  });

  test('the start page: the answer’s title is said once, and editing the account hint is not read back at each key', async ({ page }) => {
    await answerTriage(page, en, 'mine', 'j');
    const answer = page.getByTestId('triage-reset');
    await expect(answer.getByRole('heading', { name: en.triage.reset.title })).toBeVisible();
    // Everything inside a live region is read out when it changes.
    const liveText = () => page.locator('main [aria-live]').evaluateAll((regions) => regions.map((r) => r.textContent ?? '').join(' | ').trim());
    const before = await liveText();
    expect(before).toContain(en.triage.reset.title);
    const hint = page.getByLabel(en.triage.hint.label);
    await hint.focus();
    for (const key of '***@gmail.com') await page.keyboard.type(key);
    // The reset's steps quote the hint as it is typed…
    await expect(answer).toContainText(fill(en.triage.reset.step2Hint, { hint: 'j***@gmail.com' }));
    // …outside any live region: before, each of those 13 keys had the step read out again.
    expect(await liveText()).toBe(before);
  });

  test('typing an IMEI: the live line speaks the verdict, not every digit', async ({ page }) => {
    await openFreshAppeal(page);
    const imei = page.getByLabel(en.form.device.imei.label, { exact: true });
    const field = page.locator('.field').filter({ has: imei });
    const liveText = () => field.locator('[aria-live]').evaluateAll((regions) => regions.map((r) => r.textContent ?? '').join(' | ').trim());
    await imei.focus();
    const heard: string[] = [];
    for (const digit of '868907041234565') {
      await page.keyboard.type(digit);
      const now = await liveText();
      if (now !== '' && now !== heard.at(-1)) heard.push(now);
    }
    // What changed in a live region is read out: the suggestion at 14 digits, the verdict at 15.
    // Before, the digits typed so far and their count were in it, so every key press was read back.
    expect(heard.length, heard.join('\n')).toBeLessThanOrEqual(2);
    expect(heard.at(-1)).toContain(en.form.device.imeiLive.valid);
    // The digits, grouped as on the label, are still the box's description.
    await expect(imei).toHaveAccessibleDescription(/86 890704 123456 5/);
  });

  test('adding, removing and replacing a file is said aloud, and focus stays in the zone', async ({ page }) => {
    test.setTimeout(120_000);
    await reachEvidence(page, en, MINIMAL_BUYER);
    const box = zone(page, en, 'boxPhoto');
    const said = box.locator('[aria-live="polite"]');
    await addFiles(page, en, 'boxPhoto', EVIDENCE.boxPhoto);
    // Before: "Preparing …" was heard, then nothing; the thumbnail appears outside any live region.
    await expect(said).toContainText(fill(en.form.evidence.filesAdded, { files: '“box-label-12mp.jpg”' }));

    const remove = box.getByRole('button', { name: `${en.form.evidence.remove} box-label-12mp.jpg` });
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect(remove).toHaveCount(0);
    // Before: focus fell to <body>, and the next Tab started again from the top of the page.
    await expect(page.getByLabel(en.form.evidence.pick.boxPhoto)).toBeFocused();
    await expect(said).toContainText(fill(en.form.evidence.filesRemoved, { files: '“box-label-12mp.jpg”' }));

    // In high-contrast mode the picker (a hidden input whose label looks like a button) still shows focus.
    await page.emulateMedia({ forcedColors: 'active' });
    const pickerLook = box.locator('label.button').first();
    expect(await pickerLook.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.emulateMedia({ forcedColors: 'none' });

    // Replace: the new file's own Replace button takes focus (before: <body>, the old one gone).
    await addFiles(page, en, 'boxPhoto', EVIDENCE.boxPhoto);
    await box.getByRole('button', { name: `${en.form.evidence.replace} box-label-12mp.jpg` }).focus();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    await chooser.setFiles(fixturePath('order-screenshot.png'));
    const replacement = box.getByRole('button', { name: `${en.form.evidence.replace} order-screenshot.png` });
    await expect(replacement).toBeVisible({ timeout: 30_000 });
    await expect(replacement).toBeFocused();
    await expect(said).toContainText(fill(en.form.evidence.filesAdded, { files: '“order-screenshot.png”' }));

  });

  test('creating the appeal: each phase is announced once, and focus stays on the button pressed', async ({ page }) => {
    test.setTimeout(120_000);
    await reachReview(page, en, MINIMAL_BUYER, addQuickEvidence);
    // The server answers only when the test says so: time to look at the page while it waits.
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await page.route('**/api/appeal', async (route) => {
      await answered;
      await route.continue();
    });
    const create = page.getByRole('button', { name: en.form.generate.start });
    await create.focus();
    await page.keyboard.press('Enter');

    const generate = page.getByRole('region', { name: en.form.generate.heading });
    const status = generate.getByRole('status');
    // Before: the progress sat in a region marked aria-busy for the whole upload, which screen
    // readers keep quiet until it ends, so nothing was heard; now a status line says the phase.
    await expect(status).toHaveText(new RegExp(`${en.form.generate.uploading}|${en.form.generate.processing.split('…')[0]}`));
    await expect(status).not.toHaveAttribute('aria-busy', 'true');
    expect(await status.evaluate((el) => el.closest('[aria-busy="true"]'))).toBeNull();
    // Byte counts change many times a second: not in what is announced.
    await expect(status).not.toContainText('%');
    // Before: the button was disabled under the keyboard's focus, which fell to the page's start.
    await expect(create).toBeFocused();
    await expect(create).toBeDisabled();
    await create.press('Enter'); // a second press does nothing
    answer();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.result.heading, { timeout: 90_000 });
  });
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('English quoted in a Russian page is marked as English, for a screen reader to read it so', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'the markup does not depend on the viewport');
    const untagged = (message: string) => message.replace(/<\/?en>/g, '');
    // Before: Russian rules read the sales-territory screen's English words as if they were Russian.
    await page.goto('/');
    const territory = page.getByRole('radio', { name: untagged(ru.home.check.territory.label), exact: true });
    await expect(territory).toBeVisible();
    const quoted = page.locator('label').filter({ has: territory }).locator('span[lang="en"]');
    await expect(quoted).toHaveText('Xiaomi policy does not authorize the sale … in the territory');

    // The lock screen's "This device is locked", in the device step's message and its summary.
    await openFreshAppeal(page);
    await page.getByRole('button', { name: ru.form.continue, exact: true }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('link') });
    await expect(summary).toContainText(untagged(ru.errors.imeiOrLockCode));
    await expect(summary.locator('span[lang="en"]')).toHaveText('This device is locked');
    const field = page.locator('.field').filter({ has: page.getByLabel(ru.form.device.imei.label, { exact: true }) });
    await expect(field.locator('.field-error span[lang="en"]')).toHaveText('This device is locked');
  });

  test('a link that opens a new tab says so', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'the markup does not depend on the viewport');
    // Before: the password reset, the address sources and the support chats opened a new tab
    // unannounced, and a screen reader user found Back no longer led back.
    await answerTriage(page, ru, 'mine', 'j');
    await expectNewTabLinksSaySo(page, ru, 'the start page, password reset');

    await openFreshAppeal(page);
    await fillDevice(page, ru, MINIMAL_BUYER);
    await continueTo(page, ru, ru.form.steps.purchase);
    // The address's source page.
    await page.getByLabel(ru.form.purchase.country.label).selectOption('KZ');
    await expectNewTabLinksSaySo(page, ru, 'the purchase step, Kazakhstan');
  });
});

test.describe('in Russian, at 320 px (400% zoom)', () => {
  test.use({ locale: 'ru-RU', viewport: { width: 320, height: 640 } });

  test('with WCAG text spacing, the Proof step and its file cards stay within the screen', async ({ page }) => {
    test.setTimeout(150_000);
    await reachEvidence(page, ru, MINIMAL_BUYER);
    // Before: long words and file names in the box photo's card ran past the screen's edge.
    await page.addStyleTag({ content: TEXT_SPACING });
    await expectNoSideways(page, 'the Proof step');
    await page.getByRole('button', { name: ru.form.continue, exact: true }).click();
    await expect(page.getByRole('alert').filter({ has: page.getByRole('link') })).toBeVisible();
    await expectNoSideways(page, 'the Proof step with its errors');
    // Named as a phone or a shop names them: one long word each.
    const named = async (role: EvidenceRole, fixture: string, mimeType: string, name: string) => {
      await page.getByLabel(ru.form.evidence.pick[role]).setInputFiles({ name, mimeType, buffer: readFixture(fixture) });
      await expect(listedFiles(page, ru, role)).toHaveCount(1, { timeout: 30_000 });
    };
    await named('boxPhoto', 'box-label-12mp.jpg', 'image/jpeg', 'IMG_20250314_184512_HDR_наклейка_коробки_Redmi_Note_13_Pro.jpg');
    await named('receipt', 'e-receipt.pdf', 'application/pdf', 'Кассовый_чек_Электроника_Плюс_заказ_5123-778-0042_от_14.03.2025.pdf');
    await named('extra', 'order-screenshot.png', 'image/png', 'Screenshot_2025-03-14-18-45-12-345_com.android.chrome.png');
    // Folded help too: it is what a person opens.
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    await expectNoSideways(page, 'the Proof step with its files');
  });

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
