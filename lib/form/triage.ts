/**
 * The start page's answers (issue 12, "triage before the appeal"), handed to the appeal form in
 * this tab's sessionStorage (never the server) and kept with the draft, where they shape the letter.
 */
import { ACCOUNT_HINT_MAX, ACCOUNT_OWNERS, TRIED_FIRST, accountHintProblem, type AccountHintProblem, type AccountOwner, type TriedFirst } from '@/lib/appeal/triage-answers';
import { singleLine } from '@/lib/appeal/fields';

export { ACCOUNT_OWNERS, type AccountOwner };

export type Triage = {
  whose: AccountOwner | '';
  triedFirst: TriedFirst | '';
  /** The masked account the lock screen shows, e.g. 221****878. */
  accountHint: string;
};

export { ACCOUNT_HINT_MAX, accountHintProblem, type AccountHintProblem };

export const TRIAGE_HANDOFF_KEY = 'appeal-kit-triage';

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | '' {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

/**
 * A triage read back from storage; an unrecognisable choice becomes an empty answer. The hint is
 * kept as typed even when the start page's rule refuses it: dropped, it would vanish without a
 * word; kept, the contact step shows it with the same rule's message, for the user to correct.
 */
export function parseTriage(raw: unknown): Triage {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    whose: pick(value.whose, ACCOUNT_OWNERS),
    triedFirst: pick(value.triedFirst, TRIED_FIRST),
    accountHint: typeof value.accountHint === 'string' ? singleLine(value.accountHint) : '',
  };
}
