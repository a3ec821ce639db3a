'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

import type { FormStep } from '@/lib/form/steps';
import { TermList } from '@/app/appeal/_components/TermList';

import styles from './ReviewSection.module.css';

export type ReviewRow = { label: string; value: ReactNode; multiline?: boolean };

/** One step's answers as a list of label and value, with a button back to that step. */
export function ReviewSection({
  step,
  title,
  problem,
  rows,
  onEdit,
}: {
  step: FormStep;
  title: string;
  problem?: string;
  rows: ReviewRow[];
  onEdit: (step: FormStep) => void;
}) {
  const t = useTranslations('form.review');
  return (
    <section className={problem ? `card ${styles.section} ${styles.hasError}` : `card ${styles.section}`} aria-labelledby={`review-${step}`}>
      <div className={styles.head}>
        <h2 id={`review-${step}`}>{title}</h2>
        <button type="button" className="button small" onClick={() => onEdit(step)}>
          {t('change')}
          <span className="visually-hidden"> {title}</span>
        </button>
      </div>
      {problem ? <p className="field-error">{problem}</p> : null}
      <TermList terms={rows.map(({ label, value, multiline }) => ({ term: label, detail: value, multiline }))} />
    </section>
  );
}
