'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, useTransition, type KeyboardEvent } from 'react';

import type { Locale } from '@/lib/i18n/locales';

import styles from './LanguageSwitcher.module.css';

/** Each language named in itself, so a reader finds theirs whatever the page is in now. */
const AUTONYMS: Record<Locale, string> = { en: 'English', ru: 'Русский', bg: 'Български', uk: 'Українська' };

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** Keys that, on a closed list, step to another language (and fire "change") at once. */
const STEPPING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/** A key press on the closed list that changes its value without the user choosing yet. */
function stepsThroughList(event: KeyboardEvent<HTMLSelectElement>): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false; // Alt+Down opens the list
  return STEPPING_KEYS.has(event.key) || (event.key.length === 1 && event.key !== ' '); // typing a name jumps to it
}

/**
 * Sets the NEXT_LOCALE cookie the server reads, then re-renders the server components in place:
 * client state (the half-filled form) survives the switch.
 *
 * A choice made in the opened list (mouse, touch, Enter in the list) switches at once. On a closed
 * list the arrow keys change the value one language at a time: switching then re-rendered the page
 * in each language passed on the way (a screen reader suddenly speaking Bulgarian), so a value
 * reached with the keyboard is applied with Enter or when focus leaves the list.
 */
export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useState<string>(current);
  const [shownFor, setShownFor] = useState(current);
  if (shownFor !== current) {
    // The page is now in another language (this switch, or another tab's): the box follows.
    setShownFor(current);
    setShown(current);
  }
  const stepping = useRef(false);
  const apply = (locale: string) => {
    if (locale === current) return;
    document.cookie = `NEXT_LOCALE=${locale}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    startTransition(() => router.refresh());
  };
  return (
    <div className={styles.switcher}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={shown}
        aria-busy={pending}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            apply(shown);
            return;
          }
          if (!stepsThroughList(event)) return;
          // The "change" this key causes, if any, comes before this timer.
          stepping.current = true;
          setTimeout(() => (stepping.current = false), 0);
        }}
        onChange={(event) => {
          setShown(event.target.value);
          if (!stepping.current) apply(event.target.value);
        }}
        onBlur={() => apply(shown)}
      >
        {(Object.keys(AUTONYMS) as Locale[]).map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {AUTONYMS[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
