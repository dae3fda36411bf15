import {
  baseLocale,
  overwriteGetLocale,
  overwriteSetLocale,
  toLocale,
  type Locale
} from './paraglide/runtime.js';
import { loadDatasetWords } from './dataset-words-files';
import { loadMessages } from './messages';

export { locales, isLocale, type Locale } from './paraglide/runtime.js';

const STORAGE_KEY = 'cooperare.locale';

/** Each language named in itself, so a reader finds theirs whatever is on screen. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ro: 'Română' };

/**
 * The interface language: a remembered choice first, then the first of the browser's languages
 * we have (`ro-RO` counts as `ro`), then English.
 */
export function pickLocale(stored: string | null, languages: readonly string[]): Locale {
  const remembered = toLocale(stored);
  if (remembered) return remembered;
  for (const tag of languages) {
    const match = toLocale(tag) ?? toLocale(tag.split('-')[0]);
    if (match) return match;
  }
  return baseLocale;
}

// Storage can be blocked by privacy settings, and reading it then throws; the app must still
// start, it only forgets the choice.
function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function remember(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Same as readStored: the switch still works for this visit.
  }
}

const inBrowser = typeof window !== 'undefined';

const initial = inBrowser ? pickLocale(readStored(), navigator.languages ?? []) : baseLocale;
let current = $state<Locale>(initial);

export function getLocale(): Locale {
  return current;
}

/**
 * Fetches what the interface needs to be shown in `locale`: its messages, and the datasets'
 * words (without these, a failed download, the datasets keep their English words). Awaited
 * before the first render and before a switch, which then changes every text at once.
 */
export async function loadLanguage(locale: Locale): Promise<void> {
  await Promise.all([loadMessages(locale), loadDatasetWords(locale).catch(() => undefined)]);
}

/**
 * Switch the interface language now, without a reload, and remember it for the next visit.
 * Its messages must have been loaded (loadLanguage).
 */
export function setLocale(next: Locale): void {
  current = next;
  if (inBrowser) {
    remember(next);
    document.documentElement.lang = next;
  }
}

// Every message and formatter reads the locale through Paraglide's getLocale; pointing it at
// the rune makes each of them re-render when the language changes.
overwriteGetLocale(getLocale);
overwriteSetLocale((next) => setLocale(next));
if (inBrowser) document.documentElement.lang = initial;
