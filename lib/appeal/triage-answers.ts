/**
 * The start page's answers the appeal carries (issue 12, triage). Plain constants, no zod, so the
 * start page can use them without loading the schema.
 */

/** What the owner tried before the appeal, so the letter can say so. */
export const TRIED_FIRST = ['password-reset', 'seller'] as const;
export type TriedFirst = (typeof TRIED_FIRST)[number];

/** The masked account the lock screen shows, e.g. 221****878. */
export const ACCOUNT_HINT_MAX = 40;
/** Letters, digits, the mask's stars and what e-mail addresses and phone numbers hold. */
export const ACCOUNT_HINT_PATTERN = /^[\p{L}\p{N}*@.+\- ]*$/u;
