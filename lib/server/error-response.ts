import 'server-only';

import { encodeFieldMessage } from '@/lib/i18n/field-message';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { translateFieldErrors, translateFieldMessage } from '@/lib/i18n/translate-field-message';
import { AppError, isAppError } from '@/lib/server/app-error';
import { logFailure } from '@/lib/server/log';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * The contract's error body `{ error: { code, message, fields } }` in the request's language, with
 * its status (and Retry-After when busy). Anything that is not an AppError is a 500 carrying a
 * request id; every failure is logged once, here, without personal data.
 */
export type FailureContext = {
  stage?: string;
  imei?: string;
  /** The appeal's language once its fields were read; an error may know it already. */
  locale?: Locale;
};

export function errorResponse(error: unknown, requestId: string, context: FailureContext = {}): Response {
  const appError = isAppError(error)
    ? error
    : new AppError('unexpected', encodeFieldMessage('request.unexpected', { requestId }), { cause: error });
  logFailure({ requestId, status: appError.status, code: appError.code, stage: context.stage, imei: context.imei, error });

  const locale = appError.locale ?? context.locale ?? DEFAULT_LOCALE;
  const message = translateFieldMessage(appError.messageKey, locale);
  const headers: Record<string, string> = { ...NO_STORE, 'X-Request-Id': requestId };
  if (appError.retryAfterSeconds !== undefined) headers['Retry-After'] = String(appError.retryAfterSeconds);
  if (appError.bodyUnread) headers.Connection = 'close';
  const body = {
    error: {
      code: appError.code,
      message,
      fields: translateFieldErrors(appError.fields, locale),
      ...(appError.code === 'unexpected' ? { requestId } : {}),
    },
  };
  return Response.json(body, { status: appError.status, headers });
}
