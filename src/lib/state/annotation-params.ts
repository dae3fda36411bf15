import type { ReaderAnnotation } from '$lib/model/annotation';
import type { DatasetManifest } from '$lib/model/manifest';
import { normalisePeriod } from '$lib/model/period';
import { linkNote, type LinkNote } from './link-note';
import { quotedValue, withoutHiddenCharacters } from './note-text';

/**
 * Readers' annotations in an explorer link: one `note=` parameter each, written
 * `period~series~text` (`note=2011~NO~22 July attacks`), the series left empty for a note on
 * the whole period (`note=2011~~Census year`). The text is the last field, so it may hold a
 * `~` of its own. The format belongs to the link's version (`v`, view-state.ts): changing it
 * raises that version with a migration, so a link written today keeps its notes.
 */
export const ANNOTATION_PARAM = 'note';
/** Longest text of one annotation, in characters: a label, not a paragraph. */
export const ANNOTATION_TEXT_LIMIT = 280;
/** Most annotations one link carries. */
export const ANNOTATION_LIMIT = 50;

const SEPARATOR = '~';

/** One annotation as its parameter value. */
export function encodeAnnotation(annotation: ReaderAnnotation): string {
  return [annotation.period ?? '', annotation.series ?? '', annotation.text].join(SEPARATOR);
}

/**
 * One parameter value read, with the note that says what was done about it, if anything. Bad
 * input loses nothing: a value without a readable period is kept whole as the text of a note
 * without a period (listed under the chart, not drawn), and one at a period the dataset does
 * not have is kept as it is; only a note without text, which holds nothing, is left out.
 */
export function decodeAnnotation(
  raw: string,
  dataset: DatasetManifest | null
): { annotation: ReaderAnnotation | null; note: LinkNote | null } {
  const value = withoutHiddenCharacters(raw).trim();
  const [first, ...rest] = value.split(SEPARATOR);
  const period = rest.length > 0 ? normalisePeriod(first) : null;
  let series: string | null = null;
  let text = value;
  // An empty period field is a note written without one (`~~text`): its fields still count.
  if (period !== null || (rest.length > 0 && first.trim() === '')) {
    const seriesAndText = rest.join(SEPARATOR);
    const cut = seriesAndText.indexOf(SEPARATOR);
    series = cut === -1 ? null : seriesAndText.slice(0, cut).trim() || null;
    text = cut === -1 ? seriesAndText : seriesAndText.slice(cut + 1);
  }
  text = text.trim();
  if (text === '')
    return { annotation: null, note: linkNote('annot_note_empty', { value: quotedValue(raw) }) };
  const characters = Array.from(text);
  const cut = characters.length > ANNOTATION_TEXT_LIMIT;
  if (cut) text = characters.slice(0, ANNOTATION_TEXT_LIMIT).join('');
  const annotation = { period, series, text };
  if (period === null)
    return { annotation, note: linkNote('annot_note_no_period', { value: quotedValue(value) }) };
  if (dataset && !dataset.time.periods.includes(period))
    return {
      annotation,
      note: linkNote('annot_note_bad_period', { value: quotedValue(text), period })
    };
  if (cut)
    return {
      annotation,
      note: linkNote('annot_note_cut', { value: quotedValue(text), limit: ANNOTATION_TEXT_LIMIT })
    };
  return { annotation, note: null };
}

/** Every annotation of a link, in its order, and a note for each one that had to be read freely. */
export function readAnnotationParams(
  params: URLSearchParams,
  dataset: DatasetManifest | null
): { annotations: ReaderAnnotation[]; notes: LinkNote[] } {
  const values = params.getAll(ANNOTATION_PARAM);
  const annotations: ReaderAnnotation[] = [];
  const notes: LinkNote[] = [];
  for (const raw of values.slice(0, ANNOTATION_LIMIT)) {
    const read = decodeAnnotation(raw, dataset);
    if (read.annotation) annotations.push(read.annotation);
    if (read.note) notes.push(read.note);
  }
  if (values.length > ANNOTATION_LIMIT)
    notes.push(linkNote('annot_note_too_many', { count: values.length, limit: ANNOTATION_LIMIT }));
  return { annotations, notes };
}

/** Writes `annotations` into `params`, one `note=` each, in their order. */
export function writeAnnotationParams(
  params: URLSearchParams,
  annotations: readonly ReaderAnnotation[] | undefined
): void {
  for (const annotation of annotations ?? [])
    params.append(ANNOTATION_PARAM, encodeAnnotation(annotation));
}
