import type { RateUnavailable, TransformNote } from '$lib/query/transforms';
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

type RateWording = {
  [R in RateUnavailable as R['code']]: (params: R['params']) => string;
};

const RATE_WORDING: RateWording = {
  no_geo: m.query_rate_no_geo,
  not_count: m.query_rate_not_count,
  no_unit: m.query_rate_no_unit,
  no_population: m.query_rate_no_population,
  no_january: m.query_rate_no_january
};

/** Why a rate per 100 000 inhabitants cannot be worked out, in the interface language. */
export function rateUnavailableText(reason: RateUnavailable): string {
  const word = RATE_WORDING[reason.code] as (params: RateUnavailable['params']) => string;
  return word(reason.params);
}
