import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { LanguageSwitcher } from '@/app/_components/LanguageSwitcher';
import { isLocale } from '@/lib/i18n/locales';

import './globals.css';
import styles from './layout.module.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home');
  return {
    title: t('metaTitle'),
    description: t('metaDescription'),
    // All served from public/ (same origin, as the CSP requires): the home-screen manifest and icons.
    manifest: '/manifest.webmanifest',
    icons: {
      icon: [
        { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
        { url: '/logo.svg', type: 'image/svg+xml' },
      ],
      apple: '/apple-touch-icon.png',
    },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#f6f7f9' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('home');
  return (
    <html lang={locale}>
      <body>
        <a className={styles.skipLink} href="#main">
          {t('skipToContent')}
        </a>
        <header className={styles.header}>
          <Link href="/" className={styles.brand}>
            {/* Decorative: the link's text names the app. A plain img: an SVG gains nothing from
                next/image, whose client code would otherwise load on every page. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src="/logo.svg" alt="" width={28} height={28} />
            {t('title')}
          </Link>
          <LanguageSwitcher current={isLocale(locale) ? locale : 'en'} label={t('language')} />
        </header>
        {/* No client provider here: the start page's client parts get their text as props, so next-intl's
            client code reaches the browser only on pages that give it their own (app/appeal/page). */}
        {children}
        <footer className={styles.footer}>
          <p>{t('footer')}</p>
        </footer>
      </body>
    </html>
  );
}
