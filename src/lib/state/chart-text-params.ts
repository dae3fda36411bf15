import type { ChartTextEdits } from '$lib/model/chart-text';
import { linkNote, type LinkNote } from './link-note';
import { withoutHiddenCharacters } from './note-text';

/**
 * A presenter's own chart text in a link (`title=`, `subtitle=`, `notes=` with one note a
 * line), so that the link and the embed they share show the chart as they worded it. Only
 * what was changed is written; the source line has no parameter, as it is never edited.
 */

/**
 * Longest text a link carries per field, in characters: a title or a few notes, not a report.
 * Longer text is cut, and the page says so.
 */
export const CHART_TEXT_LIMITS = { title: 200, subtitle: 400, notes: 2000 } as const;

export type ChartTextField = keyof typeof CHART_TEXT_LIMITS;
const FIELDS = Object.keys(CHART_TEXT_LIMITS) as ChartTextField[];

/** The parameter names, which no dataset dimension can take in a link. */
export const CHART_TEXT_PARAMS: readonly string[] = FIELDS;

/**
 * The text a link gives, or undefined when it gives none, and which fields were cut to their
 * limit. Characters that do not show but change how the rest reads (a right-to-left override)
 * are dropped, line breaks between notes kept; the text is only ever shown as text.
 */
export function readChartTextParams(params: URLSearchParams): {
  text: ChartTextEdits | undefined;
  cut: ChartTextField[];
} {
  const text: ChartTextEdits = { title: null, subtitle: null, notes: null };
  const cut: ChartTextField[] = [];
  for (const field of FIELDS) {
    const raw = params.get(field);
    if (raw === null) continue;
    // Counted in characters as a reader sees them, so a cut never splits an emoji in two.
    const characters = Array.from(raw.split(/\r?\n/).map(withoutHiddenCharacters).join('\n'));
    const limit = CHART_TEXT_LIMITS[field];
    if (characters.length > limit) cut.push(field);
    text[field] = characters.slice(0, limit).join('');
  }
  const given = FIELDS.some((field) => text[field] !== null);
  return { text: given ? text : undefined, cut };
}

/** The note every page that reads a link's text shows when some of it was cut, or null. */
export function textCutNote(cut: readonly ChartTextField[]): LinkNote | null {
  return cut.length > 0 ? linkNote('a11y_note_text_cut', { values: cut }) : null;
}

/** Writes the changed fields of `text` into `params`, in a fixed order. */
export function writeChartTextParams(
  params: URLSearchParams,
  text: ChartTextEdits | undefined
): void {
  for (const field of FIELDS) {
    const value = text?.[field];
    if (value !== null && value !== undefined) params.set(field, value);
  }
}

/** A link with the presenter's text added to its query (programme charts, the SQL console). */
export function withChartTextParams(href: string, text: ChartTextEdits | undefined): string {
  const url = new URL(href, 'http://relative.invalid');
  writeChartTextParams(url.searchParams, text);
  const relative = url.origin === 'http://relative.invalid';
  return relative ? `${url.pathname}${url.search}${url.hash}` : url.href;
}
