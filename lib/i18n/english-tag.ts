/**
 * A few messages of the ru, bg and uk catalogues quote what the phone or Xiaomi shows only in
 * English, inside `<en>…</en>`: on a page it becomes <span lang="en"> (app/_components/in-english.tsx),
 * so a screen reader reads it with English rules. Text that is not a page (the API's messages,
 * anything copied into a letter or an e-mail) must never carry the tag: these are t.markup's
 * values for it there, the words kept and the tag gone.
 */
export const PLAIN_ENGLISH = { en: (chunks: string) => chunks };
