import { singleLine } from '@/lib/appeal/fields';

/**
 * The lock code as the appeal gives it: every space taken out. No public source gives the code's
 * format (letters, digits and hyphens, as far as is known), so a space is never part of it: it
 * comes from a code that wraps onto a second line of the lock screen, or from copying it in
 * groups. Support copies the code letter for letter, and "A1B2 C3D4" would not be found; turning
 * spaces into hyphens would add characters the screen does not show. Removing them keeps every
 * character shown, in order. The shared schema applies it, so the form and the server agree.
 */
export function normalizeLockCode(value: string): string {
  return singleLine(value).replace(/\s/g, '');
}

/**
 * Cyrillic letters that are drawn like Latin ones. Someone copying the lock code on a Russian,
 * Bulgarian or Ukrainian keyboard types А for A and К for K without seeing any difference, and
 * support, copying the code letter for letter, would not find it.
 */
const LATIN_LOOKALIKE: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I', Ј: 'J', К: 'K', М: 'M', О: 'O', Р: 'P', Ѕ: 'S', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', с: 'c', е: 'e', і: 'i', ј: 'j', о: 'o', р: 'p', ѕ: 's', х: 'x', у: 'y',
};

export type CyrillicInCode = {
  /** The Cyrillic letters the code holds, each once, in the order typed. */
  letters: string[];
  /** The code with every one of them in Latin, when each has a Latin look-alike; null otherwise. */
  latin: string | null;
};

/** The Cyrillic letters of a lock code, and its Latin reading, or null when it has none. */
export function cyrillicInLockCode(code: string): CyrillicInCode | null {
  const letters = [...new Set(code.match(/\p{Script=Cyrillic}/gu) ?? [])];
  if (letters.length === 0) return null;
  const convertible = letters.every((letter) => letter in LATIN_LOOKALIKE);
  return { letters, latin: convertible ? code.replace(/\p{Script=Cyrillic}/gu, (letter) => LATIN_LOOKALIKE[letter]!) : null };
}
