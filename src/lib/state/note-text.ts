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

/** The value in curly quotes, hidden characters removed, cut to NOTE_VALUE_MAX_LENGTH. */
export function quoteForNote(value: string): string {
  const characters = Array.from(withoutHiddenCharacters(value));
  const shown =
    characters.length > NOTE_VALUE_MAX_LENGTH
      ? `${characters.slice(0, NOTE_VALUE_MAX_LENGTH - 1).join('')}…`
      : characters.join('');
  return `“${shown}”`;
}

/** How a language joins a list: “A” and “B”; “A”, “B”, “C” and 4 more. */
export interface ListWords {
  and: (first: string, last: string) => string;
  more: (first: string, count: number) => string;
}

const ENGLISH_LIST: ListWords = {
  and: (first, last) => `${first} and ${last}`,
  more: (first, count) => `${first} and ${count} more`
};

/** “A”, “A” and “B”, “A”, “B”, “C” and 4 more (or the same in `words`' language). */
export function quoteListForNote(
  values: readonly string[],
  words: ListWords = ENGLISH_LIST
): string {
  const quoted = values.slice(0, LISTED_VALUES).map(quoteForNote);
  const rest = values.length - quoted.length;
  if (rest > 0) return words.more(quoted.join(', '), rest);
  if (quoted.length === 1) return quoted[0];
  return words.and(quoted.slice(0, -1).join(', '), quoted[quoted.length - 1]);
}
