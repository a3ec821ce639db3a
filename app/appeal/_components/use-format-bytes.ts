'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';

import { byteSize } from '@/lib/form/format-bytes';

/** "2,4 МБ", "380 КБ": sizes in the user's number format with their language's unit symbol. */
export function useFormatBytes(): (bytes: number) => string {
  const locale = useLocale();
  const t = useTranslations('form.units');
  return useCallback(
    (bytes: number) => {
      const { unit, size } = byteSize(bytes, locale);
      return t(unit, { size });
    },
    [locale, t],
  );
}
