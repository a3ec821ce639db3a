import 'server-only';

import { randomUUID } from 'node:crypto';

import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { localeOfRequest } from '@/lib/i18n/request-locale';
import { AppError } from '@/lib/server/app-error';
import { errorResponse } from '@/lib/server/error-response';

/**
 * Any method but POST on a route that takes only POST. Next.js would answer 405 with an empty body:
 * a person who opens the address in a browser would see a blank page. This is the contract's error
 * body, in the browser's language, with the Allow header HTTP asks for.
 */
export function methodNotAllowed(request: Request): Response {
  const refusal = new AppError('method-not-allowed', msg('request.methodNotAllowed'));
  const response = errorResponse(refusal, randomUUID(), { stage: 'method', locale: localeOfRequest(request.headers) });
  response.headers.set('Allow', 'POST');
  return response;
}
