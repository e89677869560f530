/**
 * Plain string order by UTF-16 code units (the same on every machine and locale, unlike `localeCompare`), over
 * one or more keys: the order of every list of the report.
 *
 * @internal
 */
export function compare(a: string | string[], b: string | string[]): number {
  const keyA = Array.isArray(a) ? a.join('\u0000') : a;
  const keyB = Array.isArray(b) ? b.join('\u0000') : b;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
