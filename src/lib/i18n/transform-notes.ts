import type { TransformNote } from '$lib/query/transforms';
import { m } from './paraglide/messages.js';

type Wording = { [N in TransformNote as N['code']]: (params: N['params']) => string };

// One message per note code of src/lib/query/transforms.ts; the mapped type makes a new code
// without a message, or a message without one of its parameters, a type error.
const WORDING: Wording = {
  no_population: m.query_note_no_population,
  population_not_positive: m.query_note_population_not_positive,
  no_base_value: m.query_note_no_base_value,
  base_not_positive: m.query_note_base_not_positive,
  no_previous_value: m.query_note_no_previous_value,
  previous_not_positive: m.query_note_previous_not_positive,
  average_gap: m.query_note_average_gap,
  no_value: m.query_note_no_value,
  change_not_positive: m.query_note_change_not_positive,
  growth_not_positive: m.query_note_growth_not_positive,
  not_later: m.query_note_not_later
};

/** Why a computed value is missing, as a sentence in the interface language. */
export function transformNoteText(note: TransformNote): string {
  // TypeScript cannot pair a code's message with that same code's parameters by itself.
  const word = WORDING[note.code] as (params: TransformNote['params']) => string;
  return word(note.params);
}
