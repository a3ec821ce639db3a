'use client';

import { useTranslations } from 'next-intl';

import styles from './PhotoGuidance.module.css';

/**
 * Example photos of one box label (public/guidance/, drawn by scripts/make-public-assets.mjs): the
 * one support can read, then the usual ways a photo fails. People compare pictures faster than
 * they read advice. Served as they are (unoptimized): each is a small WebP already.
 */
const EXAMPLES = [
  { key: 'good', ok: true },
  { key: 'far', ok: false },
  { key: 'blurred', ok: false },
  { key: 'glare', ok: false },
] as const;

export function PhotoGuidance() {
  const t = useTranslations('form.evidence.guide.examples');
  return (
    <section className={styles.guidance} aria-labelledby="photo-guidance-title">
      <h2 id="photo-guidance-title" className={styles.title}>
        {t('title')}
      </h2>
      <ul className={styles.examples}>
        {EXAMPLES.map(({ key, ok }) => (
          <li key={key}>
            <figure className={styles.example}>
              {/* Served as they are (small WebP files made for this page): next/image would add only its client code. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={`/guidance/${key}.webp`} alt={t(`${key}.alt`)} width={480} height={360} loading="lazy" decoding="async" className={styles.photo} />
              <figcaption className={ok ? styles.good : styles.bad}>
                <span aria-hidden="true" className={styles.mark}>
                  {ok ? '✓' : '✗'}
                </span>{' '}
                {t(`${key}.caption`)}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}
