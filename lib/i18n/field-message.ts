/**
 * Validation messages travel as translation keys, not English: the same schema runs in the browser
 * (react-hook-form keeps only a string per field) and on the server (answering in the request's
 * locale). A message is therefore a key with optional values packed into one string:
 *   "imei.missingCheckDigit?suggestion=869812065432104"
 * The key names an entry under the `errors` namespace of the message catalogues; encoding takes
 * only keys that exist there (ErrorKey), decoding gives back text to check with `has()`.
 */
import type { ErrorKey } from '@/lib/i18n/message-keys';

/** A packed message as encodeFieldMessage makes it: an `errors` key, then its values if any. */
export type EncodedFieldMessage = ErrorKey | `${ErrorKey}?${string}`;

export type FieldMessage = { key: string; values: Record<string, string | number> };

export function encodeFieldMessage(key: ErrorKey, values: Record<string, string | number> = {}): EncodedFieldMessage {
  const query = new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString();
  return query ? `${key}?${query}` : key;
}

export function decodeFieldMessage(message: string): FieldMessage {
  const at = message.indexOf('?');
  if (at < 0) return { key: message, values: {} };
  const values: Record<string, string | number> = {};
  for (const [k, v] of new URLSearchParams(message.slice(at + 1))) values[k] = v;
  return { key: message.slice(0, at), values };
}
