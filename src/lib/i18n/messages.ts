import type * as Messages from './paraglide/messages/_index.js';
// Paraglide's getLocale, which locale.svelte.ts points at the locale rune in the browser (so a
// message re-renders on a switch) and which also works under Node, where a rune file cannot
// be loaded (the build's snapshots, unit tests).
import { getLocale, type Locale } from './paraglide/runtime.js';

/**
 * One language's messages: a text, or a function of the message's inputs. In the app (dev,
 * build, unit tests) the module is the one object scripts/compact-messages.ts rewrites
 * Paraglide's messages/<locale>.js into; a Node script gets Paraglide's own module, one export
 * per message, all functions.
 */
type Table = Readonly<Record<string, string | ((inputs: object) => string)>>;
type LanguageFile = Table | { default: Table };

// Paraglide's own dispatcher (messages/_index.js) imports every language's module, so a
// visitor would download both languages' texts (about 80 KB of gzip). Here each language is
// a chunk of its own, fetched when a page first needs it.
const LANGUAGE_FILES: Record<Locale, () => Promise<unknown>> = {
  en: () => import('./paraglide/messages/en.js'),
  ro: () => import('./paraglide/messages/ro.js')
};

const loaded = new Map<Locale, Table>();
const loading = new Map<Locale, Promise<void>>();

/**
 * Fetches the messages of `locale`, once. The root layout awaits it before the first render
 * (hooks.client.ts starts the download earlier) and the language switch before it changes the
 * language, so no text is ever shown in the wrong language or missing.
 */
export function loadMessages(locale: Locale): Promise<void> {
  let pending = loading.get(locale);
  if (!pending) {
    pending = LANGUAGE_FILES[locale]().then((module) => {
      const file = module as LanguageFile;
      loaded.set(locale, 'default' in file ? (file.default as Table) : file);
    });
    // A failed download is tried again when next asked (the switch used again, the network back).
    pending.catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

function messagesOf(locale: Locale): Table {
  const table = loaded.get(locale);
  if (!table) throw new Error(`The ${locale} messages were used before loadMessages('${locale}').`);
  return table;
}

type Message = (inputs?: object, options?: { locale?: Locale }) => string;
const messages = new Map<string, Message>();

/**
 * The messages, called as Paraglide's: `m.key(inputs, { locale })`, in the current language
 * unless `locale` says otherwise, with Paraglide's types. A message looks its text up when it
 * is called, so a module may keep `m.key` before any language has been loaded. Keys are
 * lower-case words and `_`: a language module exports any other key under another name
 * (`programme_group_EU27` as `programme_group_eu272`), which tests/unit/i18n finds.
 */
export const m = new Proxy({} as Record<string, Message>, {
  get(_, key) {
    // `then` too: a value with a `then` method would be taken for a promise when awaited.
    if (typeof key !== 'string' || key === 'then') return undefined;
    let message = messages.get(key);
    if (!message) {
      message = (inputs = {}, options = {}) => {
        const text = messagesOf(options.locale ?? getLocale())[key];
        return typeof text === 'string' ? text : text(inputs);
      };
      messages.set(key, message);
    }
    return message;
  }
}) as unknown as typeof Messages;
