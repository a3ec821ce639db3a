import 'server-only';

import { MAX_FILE_BYTES } from '@/lib/appeal/evidence-rules';
import { encodeFieldMessage, type EncodedFieldMessage } from '@/lib/i18n/field-message';
import type { Locale } from '@/lib/i18n/locales';

/**
 * The one error type the appeal pipeline throws on purpose. The message is a translation key with
 * values (lib/i18n/field-message.ts), so the route answers in the user's language; the code decides
 * the HTTP status. Anything else that reaches the route is unexpected and becomes a 500.
 */
const APP_ERROR_STATUS = {
  'invalid-fields': 400,
  'not-multipart': 400,
  'malformed-request': 400,
  'method-not-allowed': 405,
  'upload-timeout': 408,
  'request-too-large': 413,
  'file-too-large': 413,
  'too-many-files': 413,
  'unsupported-file-type': 415,
  'unreadable-file': 422,
  busy: 503,
  unexpected: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export type AppErrorOptions = {
  /** Field name → encoded field message, for 400 answers listing every invalid field. */
  fields?: Record<string, string>;
  /** Seconds for the Retry-After header of a 503. */
  retryAfterSeconds?: number;
  /** Refused before a byte of the body was read (see `bodyUnread`). */
  bodyUnread?: boolean;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Encoded field message (key + values), translated at the boundary. */
  readonly messageKey: EncodedFieldMessage;
  readonly fields: Record<string, string>;
  readonly retryAfterSeconds: number | undefined;
  /** The request's language, once known: errors can happen before the `locale` field arrives. */
  locale: Locale | undefined;
  /**
   * The refusal came before the whole body was read. Its rest is left unread on the connection, so
   * the answer must close the connection (`Connection: close`, as nginx does with an early 413):
   * a keep-alive client sending its next request there would wait on a stalled socket and be reset.
   */
  bodyUnread = false;

  constructor(code: AppErrorCode, messageKey: EncodedFieldMessage, options: AppErrorOptions = {}) {
    super(`${code}: ${messageKey}`, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageKey = messageKey;
    this.fields = options.fields ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.bodyUnread = options.bodyUnread ?? false;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * An error about one uploaded file. Besides the message (which names the file), it is listed under
 * the file's form field (`boxPhoto`, `receipt`, `extra`), as invalid text fields are, so the form
 * shows it in the upload zone the user has to fix.
 */
export function fileError(code: AppErrorCode, messageKey: EncodedFieldMessage, field: string, cause?: unknown): AppError {
  return new AppError(code, messageKey, { fields: { [field]: messageKey }, cause });
}

/**
 * A file over the 25 MB any one file may have, named, in the same words wherever it is found: the
 * multipart reader of both upload routes (the appeal, the evidence check) and the image opener.
 * Listed under `field` when it is known.
 */
export function fileTooLarge(file: string, field?: string): AppError {
  const message = encodeFieldMessage('file.tooLarge', { file, maxMb: MAX_FILE_BYTES / (1024 * 1024) });
  return field === undefined ? new AppError('file-too-large', message) : fileError('file-too-large', message, field);
}

/** The same error listed under a file's form field, when it is about that file and lists no field yet. */
export function onFileField(error: unknown, field: string): unknown {
  if (!isAppError(error) || Object.keys(error.fields).length > 0 || error.status >= 500) return error;
  const attributed = fileError(error.code, error.messageKey, field, error.cause);
  attributed.locale = error.locale;
  attributed.bodyUnread = error.bodyUnread;
  return attributed;
}
