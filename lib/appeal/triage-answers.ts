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
/**
 * Every character a masked e-mail address or phone number on the lock screen can show, so the
 * user can copy it as it is (ivan_p***@mail.ru, +7(912)***-**-89):
 * - letters and digits of any script (Cyrillic addresses and local digits exist);
 * - the mask: stars, and the round dots (• ●) some screens draw instead;
 * - what e-mail addresses hold besides letters and digits: @ . _ - + (the other characters the
 *   standard allows, like ! # or ', are all but unseen in real addresses);
 * - what phone numbers are written with: + ( ) - and spaces.
 * Anything else (< > # , ; and the like) is not on a lock screen, and is refused rather than carried into
 * a letter to Xiaomi. The messages (errors.accountHint.characters) name this same set.
 */
const ACCOUNT_HINT_PATTERN = /^[\p{L}\p{N}*•●@._+()\- ]*$/u;

export type AccountHintProblem = 'tooLong' | 'characters';

/**
 * What is wrong with a hint (already made single-line), or null: the one rule the start page and
 * the appeal schema both apply, so a hint the start page takes is never refused by the form.
 */
export function accountHintProblem(hint: string): AccountHintProblem | null {
  if (hint.length > ACCOUNT_HINT_MAX) return 'tooLong';
  if (!ACCOUNT_HINT_PATTERN.test(hint)) return 'characters';
  return null;
}
