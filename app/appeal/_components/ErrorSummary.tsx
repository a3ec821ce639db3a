'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, type ReactNode } from 'react';

import { labelBeforeMessage } from '@/lib/i18n/format';

import styles from './ErrorSummary.module.css';

/** A problem, linked to its field; `label` names the field when the message alone would not. */
export type SummaryItem = { fieldId: string; text: ReactNode; label?: string };

/**
 * The list of problems shown above a step when "Continue" finds any, each linking to its field.
 * It takes focus when it appears (a screen reader hears it at once). `focusKey` changes on every
 * failed attempt; the errors may arrive a render later than the attempt (react-hook-form
 * publishes them after its invalid callback), so focus waits for the first render that has them.
 */
export function ErrorSummary({ items, focusKey }: { items: SummaryItem[]; focusKey: number }) {
  const t = useTranslations('form');
  const ref = useRef<HTMLDivElement>(null);
  const focusedFor = useRef(0);
  useEffect(() => {
    if (focusKey === focusedFor.current || items.length === 0) return;
    focusedFor.current = focusKey;
    ref.current?.focus();
  });
  if (items.length === 0) return null;
  return (
    <div className={styles.summary} role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t('errorSummary', { count: items.length })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.fieldId}>
            <a
              href={`#${item.fieldId}`}
              onClick={(event) => {
                const target = document.getElementById(item.fieldId);
                if (!target) return;
                event.preventDefault();
                target.scrollIntoView({ block: 'center' });
                target.focus();
              }}
            >
              {item.label ? <span className={styles.field}>{labelBeforeMessage(item.label)}</span> : null}
              <span>{item.text}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
