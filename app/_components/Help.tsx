import type { ComponentProps, ReactNode } from 'react';

import styles from './Help.module.css';

/** A disclosure with more help ("Where do I find the IMEI?"); every other prop goes to <details>. */
export function Help({ summary, children, ...details }: Omit<ComponentProps<'details'>, 'className'> & { summary: ReactNode }) {
  return (
    <details className={styles.help} {...details}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
