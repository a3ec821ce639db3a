import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';

import { AppealWizard } from '@/app/appeal/_components/AppealWizard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('form');
  return { title: t('metaTitle') };
}

/** Only the catalogues the wizard uses reach the browser (not the letters or the server's own). */
const CLIENT_NAMESPACES = ['form', 'errors', 'result', 'assistant'] as const;

export default async function AppealPage() {
  const messages = await getMessages();
  const clientMessages = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns] ?? {}]));
  return (
    <main id="main" className="appeal">
      <NextIntlClientProvider messages={clientMessages}>
        <AppealWizard />
      </NextIntlClientProvider>
    </main>
  );
}
