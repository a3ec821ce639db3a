import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';

import { MESSAGES } from '@/lib/i18n/messages';
import { LOCALE_COOKIE, pickLocale } from '@/lib/i18n/negotiate';

export default getRequestConfig(async () => {
  const locale = pickLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  return { locale, messages: MESSAGES[locale] };
});
