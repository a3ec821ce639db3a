/**
 * A light check for the recipient the user may type: one @, a dot in the domain, no spaces or
 * separators that would turn one address into several in a mailto: link.
 */
export function isPlausibleEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]{2,}$/.test(value);
}
