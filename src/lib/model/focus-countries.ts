/**
 * The two countries of the Norway Grants programme RO21, as Eurostat geo codes: every default
 * view starts with them, and the programme's comparisons are made for them.
 */
export const FOCUS_COUNTRIES = ['RO', 'NO'] as const;
