/**
 * Why a computed value is missing, as a note code and its parameters: the SQL writes it (it
 * runs in Node too, where there are no messages) and transformNoteText words it.
 */
import { quoteLiteral } from '../../db/engine';

/**
 * The parameters of each note a transform writes, in the order the SQL writes them. The SQL
 * runs in Node too (build, tests), where there are no messages: it writes the code, and
 * transformNoteText (transform-note-text.ts) words it.
 */
const NOTE_PARAMS = {
  /** No population figure for `geo` in `year`. */
  no_population: ['geo', 'year'],
  population_not_positive: ['geo', 'year'],
  /** No value in the index's base period. */
  no_base_value: ['base'],
  base_not_positive: ['base'],
  /** No value in `period`, the same period one year earlier, to compare with. */
  no_previous_value: ['period'],
  previous_not_positive: ['period'],
  /** A value is missing in the three periods ending in `period`. */
  average_gap: ['period'],
  /** No value at `period`, one end of a comparison of two periods. */
  no_value: ['period'],
  /** The earlier value, at `period`, is zero or negative: no percentage change. */
  change_not_positive: ['period'],
  growth_not_positive: ['from', 'to'],
  not_later: ['from', 'to']
} as const satisfies Record<string, readonly string[]>;

export type TransformNoteCode = keyof typeof NOTE_PARAMS;

/** Why a computed value is missing: a code and its parameters (codes and periods). */
export type TransformNote = {
  [C in TransformNoteCode]: {
    code: C;
    params: Record<(typeof NOTE_PARAMS)[C][number], string>;
  };
}[TransformNoteCode];

// Codes and periods never hold a control character, so the unit separator splits them safely.
const NOTE_SEPARATOR = '\u001f';

/** SQL: the note `code` with its parameters, each an SQL expression, in NOTE_PARAMS order. */
export function noteSql(code: TransformNoteCode, ...params: string[]): string {
  return [quoteLiteral(code), ...params].join(' || chr(31) || ');
}

/** A note as the SQL wrote it, read back; an unknown code is a fault of this module. */
export function parseTransformNote(text: string): TransformNote {
  const [code, ...values] = text.split(NOTE_SEPARATOR);
  if (!Object.hasOwn(NOTE_PARAMS, code)) throw new Error(`Unknown transform note code “${code}”.`);
  const names: readonly string[] = NOTE_PARAMS[code as TransformNoteCode];
  const params = Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
  return { code, params } as TransformNote;
}
