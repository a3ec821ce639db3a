import type { ComponentProps, ReactNode } from 'react';

import styles from './Choice.module.css';

/** The choices of one question, one under another (or in columns, for short ones). */
export function Choices({ columns = false, children }: { columns?: boolean; children: ReactNode }) {
  return <div className={columns ? `${styles.choices} ${styles.columns}` : styles.choices}>{children}</div>;
}

/** One radio button or checkbox with its text; every other prop goes to the input. */
export function Choice({ children, ...input }: ComponentProps<'input'> & { children: ReactNode }) {
  return (
    <label className={styles.choice}>
      <input {...input} />
      <span>{children}</span>
    </label>
  );
}
