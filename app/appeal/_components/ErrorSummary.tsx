'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

export type SummaryItem = { fieldId: string; text: string };

/**
 * The list of problems shown above a step when "Continue" finds any, each linking to its field.
 * It takes focus when it appears (a screen reader hears it at once); `focusKey` changes on every
 * failed attempt so a second attempt focuses it again.
 */
export function ErrorSummary({ items, focusKey }: { items: SummaryItem[]; focusKey: number }) {
  const t = useTranslations('form');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
    // Only a new attempt moves focus, not every re-render with the same errors.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
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
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
