/**
 * Eurostat observation flags (the "status" of a value). A published flag may combine
 * letters (`bep` = break in series, estimated, provisional). Any other letter is an error:
 * a flag we cannot explain is a flag we cannot show honestly.
 */
export const FLAG_MEANINGS: Record<string, string> = {
  b: 'break in time series',
  c: 'confidential',
  d: 'definition differs',
  e: 'estimated',
  f: 'forecast',
  n: 'not significant',
  p: 'provisional',
  r: 'revised',
  s: 'Eurostat estimate',
  u: 'low reliability',
  z: 'not applicable',
  // Not Eurostat's: the UNODC workbooks publish `<5` for a suppressed small count.
  l: 'suppressed small count (fewer than 5)'
};

export const KNOWN_FLAG_LETTERS = new Set(Object.keys(FLAG_MEANINGS));

/** True when every letter of the flag is a known one. */
export function isKnownFlag(flag: string): boolean {
  if (flag.length === 0) return false;
  for (const letter of flag) if (!KNOWN_FLAG_LETTERS.has(letter)) return false;
  return true;
}

/** "estimated, provisional" for `ep`. */
export function describeFlag(flag: string | null): string {
  if (!flag) return '';
  return [...flag].map((letter) => FLAG_MEANINGS[letter] ?? `unknown flag “${letter}”`).join(', ');
}
