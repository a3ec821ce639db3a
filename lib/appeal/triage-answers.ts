/**
 * The start page's answers the appeal carries (issue 12, triage). Plain constants, no zod, so the
 * start page can use them without loading the schema.
 */

/**
 * Whose Mi Account the phone asks for: the user's own, or a previous owner's. Independent of the
 * purchase channel (a used phone is often signed into the buyer's own account), so the letter
 * names the account from this answer alone.
 */
export const ACCOUNT_OWNERS = ['mine', 'previous-owner'] as const;
export type AccountOwner = (typeof ACCOUNT_OWNERS)[number];

/** What the owner tried before the appeal, so the letter can say so. */
export const TRIED_FIRST = ['password-reset', 'seller'] as const;
export type TriedFirst = (typeof TRIED_FIRST)[number];

/** The masked account the lock screen shows, e.g. 221****878. */
export const ACCOUNT_HINT_MAX = 40;
/** Letters, digits, the mask's stars and what e-mail addresses and phone numbers hold. */
export const ACCOUNT_HINT_PATTERN = /^[\p{L}\p{N}*@.+\- ]*$/u;
