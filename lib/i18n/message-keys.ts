/**
 * Message keys as types, derived from the English catalogue: a key that is not in it fails the
 * type-check. next-intl's own calls are typed the same way (lib/i18n/app-config.d.ts).
 */
import type { MessageKeys, NestedKeyOf } from 'next-intl';

import type { Messages } from '@/lib/i18n/messages';

/** Every message key of one namespace, e.g. `MessageKey<'errors'>` includes `'imei.missingCheckDigit'`. */
export type MessageKey<Namespace extends keyof Messages> = MessageKeys<Messages[Namespace], NestedKeyOf<Messages[Namespace]>>;

/** A key under `errors`: what every field, file and request message names. */
export type ErrorKey = MessageKey<'errors'>;

/**
 * For keys that arrive as text (read back from a packed field message or a saved draft): true,
 * and the key typed, only if the translator's own `has()` finds it in the catalogue.
 */
export function isKnownKey<Key extends string>(has: (key: Key) => boolean, key: string): key is Key {
  return has(key as Key);
}
