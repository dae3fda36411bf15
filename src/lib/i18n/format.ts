import { getLocale, setLocale, type Locale } from './locale.svelte';

// British rather than American English: day before month, as the rest of Europe writes dates.
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ro: 'ro-RO' };

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * The one minus sign of every number on screen (U+2212), as typesetting writes it: Intl
 * writes a hyphen-minus (“-2.18”), which beside a “−117 %” made two kinds of minus in one
 * sentence. Downloads write numbers for machines and keep the hyphen-minus.
 */
export const MINUS = '\u2212';
const withMinusSign = (text: string) => text.replace('-', MINUS);

/** Numbers always follow the interface language, so this switches the whole interface. */
export function setNumberLocale(next: Locale): void {
  setLocale(next);
}

/** A value as published, in the reader's locale (Romanian: 1.234,5); never rounded away. */
export function formatNumber(value: number): string {
  // Reading the locale here, not once at start-up, is what re-renders numbers on a switch.
  const locale = getLocale();
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 6 });
    numberFormats.set(locale, format);
  }
  return withMinusSign(format.format(value));
}

/**
 * The calendar date at the start of an ISO string (`2024-05-01`, `2024-05-01T10:00:00+02:00`) in
 * the reader's locale: "1 May 2024", "1 mai 2024". The date is taken as written, never shifted
 * by time zone. Anything else is shown as given, so a bad date stays visible instead of
 * turning into "Invalid Date".
 */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2024-02-30 over into March rather than refusing it.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return iso;
  const locale = getLocale();
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

const computedFormats = new Map<string, Intl.NumberFormat>();

/**
 * A value the app computed (a rate per 100 000, an index, a percentage change, a growth rate),
 * never a published one: those go through formatNumber and keep every digit. A division
 * yields digits the data cannot support (11,705838), so a computed value shows exactly
 * `decimals` places, which line up down a table column: 2 for rates and percentages, 1 for an
 * index. Below 1 it keeps two significant digits instead, so that 0,0042 does not read as 0.
 * The full value stays in the CSV download and in the title of its table cell.
 */
export function formatComputed(value: number, decimals = 2): string {
  const locale = getLocale();
  const small = value !== 0 && Math.abs(value) < 1;
  const key = `${locale}:${small ? 's' : decimals}`;
  let format = computedFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      INTL_LOCALE[locale],
      small
        ? { maximumSignificantDigits: 2 }
        : { minimumFractionDigits: decimals, maximumFractionDigits: decimals }
    );
    computedFormats.set(key, format);
  }
  return withMinusSign(format.format(value));
}

/**
 * A label that starts a sentence of its own, written for the middle of one: “Per hundred
 * thousand inhabitants” → “per hundred …” in a title or after a number; acronyms (EUR, PPS)
 * stay as they are.
 */
export function lowerInitial(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
