'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';

import { inEnglish } from '@/app/_components/in-english';
import { decodeFieldMessage } from '@/lib/i18n/field-message';
import { isKnownKey, type ErrorKey } from '@/lib/i18n/message-keys';

/** A field's message as the page shows it: text, with any English quotation in <span lang="en">. */
export type ErrorText = ReactNode;

/**
 * Turns a field error into words. Schema messages are packed translation keys (`errors` namespace);
 * messages the server sent back are already in the user's language and shown as they are.
 */
export function useErrorText(): (error: Pick<FieldError, 'message' | 'type'> | string | undefined) => ErrorText | undefined {
  const tErrors = useTranslations('errors');
  const tForm = useTranslations('form');
  return (error) => {
    if (error === undefined) return undefined;
    const message = typeof error === 'string' ? error : error.message;
    if (!message) return undefined;
    if (typeof error !== 'string' && error.type === 'server') return message;
    const { key, values } = decodeFieldMessage(message);
    return isKnownKey<ErrorKey>(tErrors.has, key) ? tErrors.rich(key, { ...values, en: inEnglish }) : tForm('genericFieldError');
  };
}
