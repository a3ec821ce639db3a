/**
 * What "no English left" means in the ru, bg and uk interfaces, shared by the catalogue test
 * (tests/unit/messages.test.ts) and the browser test that reads every rendered step
 * (tests/e2e/no-english.spec.ts).
 */

/**
 * Latin-script words a translated text may hold: brands, product and service names, file types,
 * codes and addresses. Anything else in Latin letters is English left untranslated.
 */
export const LATIN_ALLOWED = new Set(
  (
    'Appeal Kit Xiaomi Redmi POCO Mi Account Cloud Store Note Pro G IMEI IMEI1 IMEI2 IMEISV SIM SMS Wi-Fi FRP ID PDF JPEG PNG HEIC WebP AVIF eml ' +
    'Google Apple Huawei Mail Gmail Outlook Outlook.com Thunderbird Mail.ru Yandex Ukr.net Abv.bg Ozon Wildberries AliExpress Amazon eMAG Prom Rozetka ' +
    'mi.com i.mi.com account.xiaomi.com accounts.google.com example.com name AK-7Q2M-9XK4'
  ).split(' '),
);

/** On purpose: what the phone's lock screen says in English, and the label's "S/N". */
export const LATIN_PHRASES = ['(This device is locked)', 'S/N'];

/** Text outside quotations: a quoted lock-screen or Xiaomi message is what the phone shows, word for word. */
export function withoutQuotations(text: string): string {
  return text.replace(/«[^»]*»|“[^”]*”|„[^“”]*[“”]|"[^"]*"/g, '');
}

/** A run of Latin letters with the dots and hyphens of names like Mail.ru or Wi-Fi. */
const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*/g;

/**
 * Words of `text` in Latin letters that are not on the allowed list. E-mail addresses, web
 * addresses, file names and case references are taken out first, and a word with a digit in it is
 * a code (a serial number, a model): they are what the user or the app named, not words to translate.
 */
export function untranslatedWords(text: string): string[] {
  let rest = text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\b[\w-]+(?:\.[\w-]+)+\/\S*/g, ' ')
    .replace(/[\w.-]+\.(?:pdf|eml|jpe?g|png|heic|webp|avif)\b/gi, ' ')
    .replace(/\bAK-[A-Z0-9]{4}-[A-Z0-9]{4}\b/g, ' ');
  for (const phrase of LATIN_PHRASES) rest = rest.split(phrase).join(' ');
  return (rest.match(LATIN_WORD) ?? []).filter((word) => !LATIN_ALLOWED.has(word) && !/\d/.test(word));
}
