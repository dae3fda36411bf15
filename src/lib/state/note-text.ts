/**
 * Pieces of the notes shown when a link had to be corrected. A link can carry anything, so
 * a value is quoted only after removing what could disguise it: control characters,
 * bidirectional overrides (U+202E turns “exe.txt” into “txt.exe”), zero-width characters,
 * line separators and lone surrogates. Notes are plain text, never HTML.
 */

/** Longest quoted value, in characters; a 10 000-character value must not flood the page. */
export const NOTE_VALUE_MAX_LENGTH = 40;

/** Codes or names listed one by one before the rest is counted. */
const LISTED_VALUES = 3;

const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** The text without characters that do not show but change how the rest reads. */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_CHARACTERS, '');
}

const englishQuote = (value: string) => `“${value}”`;

/**
 * The value in quotes (English “…” unless `quote` puts it in another language's marks),
 * hidden characters removed, cut to NOTE_VALUE_MAX_LENGTH.
 */
export function quoteForNote(
  value: string,
  quote: (value: string) => string = englishQuote
): string {
  const characters = Array.from(withoutHiddenCharacters(value));
  const shown =
    characters.length > NOTE_VALUE_MAX_LENGTH
      ? `${characters.slice(0, NOTE_VALUE_MAX_LENGTH - 1).join('')}…`
      : characters.join('');
  return quote(shown);
}

/**
 * A value a note quotes, kept as a list of one: like every list, it is cleaned, cut and put
 * in the reader's quote marks (“…” in English, „…” in Romanian) when the note is worded.
 */
export function quotedValue(value: string): readonly string[] {
  return [value];
}

/** How a language quotes and joins a list: “A” and “B”; „A”, „B”, „C” și încă 4. */
export interface ListWords {
  quote: (value: string) => string;
  and: (first: string, last: string) => string;
  more: (first: string, count: number) => string;
}

const ENGLISH_LIST: ListWords = {
  quote: englishQuote,
  and: (first, last) => `${first} and ${last}`,
  more: (first, count) => `${first} and ${count} more`
};

/** “A”, “A” and “B”, “A”, “B”, “C” and 4 more (or the same in `words`' language). */
export function quoteListForNote(
  values: readonly string[],
  words: ListWords = ENGLISH_LIST
): string {
  const quoted = values.slice(0, LISTED_VALUES).map((value) => quoteForNote(value, words.quote));
  const rest = values.length - quoted.length;
  if (rest > 0) return words.more(quoted.join(', '), rest);
  if (quoted.length === 1) return quoted[0];
  return words.and(quoted.slice(0, -1).join(', '), quoted[quoted.length - 1]);
}
