import { m } from '$lib/i18n/messages';
import type { TransformNote } from './transform/notes';
import type { RateUnavailable } from './transform/rate';

/** A reason given as a code with parameters, as transforms.ts gives them. */
type Coded = { code: string; params: object };

// One message per code; the mapped type makes a new code without a message, or a message
// without one of its parameters, a type error.
type Wording<T extends Coded> = { [C in T as C['code']]: (params: C['params']) => string };

function worded<T extends Coded>(wording: Wording<T>, reason: T): string {
  // TypeScript cannot pair a code's message with that same code's parameters by itself.
  const word = (wording as Record<string, (params: T['params']) => string>)[reason.code];
  return word(reason.params);
}

const WORDING: Wording<TransformNote> = {
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
  return worded(WORDING, note);
}

const RATE_WORDING: Wording<RateUnavailable> = {
  no_geo: m.query_rate_no_geo,
  not_count: m.query_rate_not_count,
  no_unit: m.query_rate_no_unit,
  no_population: m.query_rate_no_population,
  no_january: m.query_rate_no_january
};

/** Why a rate per 100 000 inhabitants cannot be worked out, in the interface language. */
export function rateUnavailableText(reason: RateUnavailable): string {
  return worded(RATE_WORDING, reason);
}
