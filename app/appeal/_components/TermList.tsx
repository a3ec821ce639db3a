import type { ReactNode } from 'react';

import styles from './TermList.module.css';

export type Term = { term: string; detail: ReactNode; multiline?: boolean };

/** Terms and their details (the review's answers, the e-mail's parts) as a description list. */
export function TermList({ terms, className }: { terms: readonly Term[]; className?: string }) {
  return (
    <dl className={className ? `${styles.list} ${className}` : styles.list}>
      {terms.map(({ term, detail, multiline }) => (
        <div key={term} className={styles.row}>
          <dt>{term}</dt>
          <dd className={multiline ? styles.multiline : undefined}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
