import { getTranslations } from 'next-intl/server';

export default async function HomePage() {
  const t = await getTranslations('home');
  return (
    <main>
      <h1>{t('title')}</h1>
      <p>{t('lead')}</p>
      <p>{t('privacy')}</p>
    </main>
  );
}
