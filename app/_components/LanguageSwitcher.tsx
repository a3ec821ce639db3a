'use client';

import { useRouter } from 'next/navigation';
import { useId, useTransition } from 'react';

import type { Locale } from '@/lib/i18n/locales';

import styles from './LanguageSwitcher.module.css';

/** Each language named in itself, so a reader finds theirs whatever the page is in now. */
const AUTONYMS: Record<Locale, string> = { en: 'English', ru: 'Русский', bg: 'Български', uk: 'Українська' };

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Sets the NEXT_LOCALE cookie the server reads, then re-renders the server components in place:
 * client state (the half-filled form) survives the switch.
 */
export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  return (
    <div className={styles.switcher}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={current}
        aria-busy={pending}
        onChange={(event) => {
          document.cookie = `NEXT_LOCALE=${event.target.value}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
          startTransition(() => router.refresh());
        }}
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
