import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { AccountTriage } from '@/app/_components/AccountTriage';
import { inEnglish } from '@/app/_components/in-english';
import { triageText } from '@/app/triage-text';
import { EligibilityCheck, type EligibilityOption } from '@/app/_components/EligibilityCheck';

import styles from './page.module.css';

const BLOCKERS = ['lostMode', 'financeLock', 'territory', 'googleFrp'] as const;

export default async function HomePage() {
  const t = await getTranslations('home');
  // The decision path's texts, formatted here: no message formatter reaches the browser.
  const triage = await triageText();
  const options: EligibilityOption[] = [
    {
      id: 'miAccount',
      label: t('check.miAccount.label'),
      said: t('check.miAccount.answer'),
      answer: (
        <>
          <p>{t('check.miAccount.answer')}</p>
          <AccountTriage text={triage} />
        </>
      ),
    },
    ...BLOCKERS.map((id) => ({
      id,
      // The sales-territory screen is quoted in English in every language (<en> in the catalogue).
      label: t.rich(`check.${id}.label`, { en: inEnglish }),
      said: `${t(`check.${id}.title`)}. ${t(`check.${id}.answer`)}`,
      answer: (
        <>
          <h3>{t(`check.${id}.title`)}</h3>
          <p>{t(`check.${id}.answer`)}</p>
          <p>{t(`check.${id}.instead`)}</p>
          {id === 'lostMode' ? (
            <Link className="button" href="/appeal">
              {t('check.lostMode.startAnyway')}
            </Link>
          ) : null}
        </>
      ),
    })),
  ];

  return (
    <main id="main" className={styles.home}>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p className={styles.privacyNote}>{t('privacy')}</p>

      <section aria-labelledby="check-heading" className="card">
        <h2 id="check-heading">{t('check.heading')}</h2>
        <EligibilityCheck legend={t('check.legend')} hint={t('check.hint')} options={options} />
      </section>

      <section aria-labelledby="have-heading">
        <h2 id="have-heading">{t('have.heading')}</h2>
        <ul className="checklist">
          <li>{t('have.box')}</li>
          <li>{t('have.receipt')}</li>
          <li>{t('have.email')}</li>
          <li>{t('have.lockCode')}</li>
        </ul>
      </section>

      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t('how.heading')}</h2>
        <ol>
          <li>{t('how.form')}</li>
          <li>{t('how.pdf')}</li>
          <li>{t('how.send')}</li>
          <li>{t('how.wait')}</li>
        </ol>
        <p>{t('how.duration')}</p>
      </section>

      <section aria-labelledby="for-heading">
        <h2 id="for-heading">{t('for.heading')}</h2>
        <p>{t('for.text')}</p>
      </section>

      <p>
        <Link className="button primary" href="/appeal">
          {t('start')}
        </Link>
      </p>
    </main>
  );
}
