/** Numbers read from a cell of a large text file without making a string of it. */

const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
];

/**
 * The number in text[start, end), or NaN when it is not one. Plain decimals (`470`, `-2.28`)
 * are read digit by digit without making a string: with at most 15 digits both the digits and
 * the power of ten are exact doubles, so one division gives the same double Number() would.
 * Anything else goes to Number(), after a check, because Number() would also take `0x1f`,
 * `Infinity` or blanks.
 */
export function parseNumber(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let digits = 0;
  let mantissa = 0;
  let decimals = 0;
  let point = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (point) decimals++;
    } else if (c === 46 && !point) point = true;
    else return parseOtherNumber(text, start, end);
  }
  if (digits === 0 || digits > 15) return parseOtherNumber(text, start, end);
  const magnitude = mantissa / POWERS_OF_TEN[decimals];
  return negative ? -magnitude : magnitude;
}

function parseOtherNumber(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const allowed =
      (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43 || c === 101 || c === 69;
    if (!allowed) return NaN;
  }
  return Number(text.slice(start, end));
}
