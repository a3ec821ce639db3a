import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { AppealWizard } from '@/app/appeal/_components/AppealWizard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('form');
  return { title: t('metaTitle') };
}

export default function AppealPage() {
  return <AppealWizard />;
}
