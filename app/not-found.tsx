import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home.notFound');
  return { title: t('metaTitle') };
}

/** Any address the app does not have: said in the reader's language, with the two ways on. */
export default async function NotFound() {
  const t = await getTranslations('home.notFound');
  return (
    <main id="main">
      <h1>{t('heading')}</h1>
      <p>{t('text')}</p>
      <p className="action-stack">
        <Link className="button" href="/appeal">
          {t('appeal')}
        </Link>
        <Link href="/">{t('home')}</Link>
      </p>
    </main>
  );
}
