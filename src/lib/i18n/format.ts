import { getLocale, setLocale, type Locale } from './locale.svelte';

// British rather than American English: day before month, as the rest of Europe writes dates.
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ro: 'ro-RO' };

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

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
  return format.format(value);
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
