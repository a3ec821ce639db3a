import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

/** Only the catalogues the wizard uses reach the browser (not the letters or the server's own). */
const CLIENT_NAMESPACES = ['form', 'errors', 'result', 'assistant'] as const;

/** The form's frame and messages, here rather than in the page so that its error boundary (error.tsx) has them too. */
export default async function AppealLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  const clientMessages = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns] ?? {}]));
  return (
    <main id="main" className="appeal">
      <NextIntlClientProvider messages={clientMessages}>{children}</NextIntlClientProvider>
    </main>
  );
}
