import type { DatasetManifest } from '$lib/model/manifest';
import { firstAndLastOfYear, frequencyOf, isPeriod, type Frequency } from '$lib/model/period';
import { linkNote, type LinkNote, type LinkNoteKey } from './link-note';
import { quotedValue } from './note-text';
import type { TimeWindow } from './view-state';

/**
 * A period as written in a link, in the dataset's frequency. A bare year is accepted for
 * monthly and quarterly data, so `time=2019..2022` works on every dataset; it stands for the
 * year's first period at the start of a range and its last at the end.
 */
function readPeriod(text: string, frequency: Frequency, end: 'first' | 'last'): string | null {
  if (isPeriod(text, frequency)) return text;
  if (isPeriod(text, 'annual')) return firstAndLastOfYear(text, frequency)[end];
  return null;
}

function frequencyFor(dataset: DatasetManifest | null, sample: string): Frequency {
  return dataset?.time.frequency ?? frequencyOf(sample);
}

export interface TimeParamResult {
  time: TimeWindow | null;
  notes: LinkNote[];
}

/**
 * Reads `time=<period>` or `time=<from>..<to>`. Either end may be left open (`2015..`) when
 * the dataset is known: it is filled with the dataset's first or last period. A reversed
 * range is swapped, a range reaching past the data is cut to it, and anything else that
 * cannot be read gives every period, each with a note.
 */
export function parseTimeParam(raw: string, dataset: DatasetManifest | null): TimeParamResult {
  const allPeriods = (key: LinkNoteKey, params: Record<string, string> = {}): TimeParamResult => ({
    time: null,
    notes: [linkNote(key, { value: quotedValue(raw), ...params })]
  });
  const parts = raw.includes('..') ? raw.split('..') : [raw, raw];
  if (parts.length !== 2 || (parts[0] === '' && parts[1] === ''))
    return allPeriods('a11y_note_time_not_understood');
  const frequency = frequencyFor(dataset, parts[0] || parts[1]);
  const first = dataset?.time.first ?? null;
  const last = dataset?.time.last ?? null;

  let from = parts[0] === '' ? first : readPeriod(parts[0], frequency, 'first');
  let to = parts[1] === '' ? last : readPeriod(parts[1], frequency, 'last');
  if (from === null || to === null) {
    const openEnded = parts[0] === '' || parts[1] === '';
    return allPeriods(
      openEnded && !dataset ? 'a11y_note_time_open_end' : 'a11y_note_time_not_understood'
    );
  }

  const notes: LinkNote[] = [];
  if (from > to) {
    [from, to] = [to, from];
    notes.push(linkNote('a11y_note_time_reversed', { value: quotedValue(raw), from, to }));
  }
  if (first !== null && last !== null) {
    if (to < first || from > last) return allPeriods('a11y_note_time_outside', { first, last });
    if (from < first || to > last) {
      from = from < first ? first : from;
      to = to > last ? last : to;
      notes.push(linkNote('a11y_note_time_cut', { range: formatTimeParam({ from, to }) }));
    }
  }
  return { time: { from, to }, notes };
}

/** `2008..2022`, or `2020` for a window of one period. */
export function formatTimeParam(time: TimeWindow): string {
  return time.from === time.to ? time.from : `${time.from}..${time.to}`;
}

/**
 * Reads the index base period: a period of the dataset's frequency (a bare year stands for
 * the year's first period) that the dataset has. Returns null when it is not usable.
 */
export function readBasePeriod(raw: string, dataset: DatasetManifest | null): string | null {
  const period = readPeriod(raw, frequencyFor(dataset, raw), 'first');
  if (period === null) return null;
  if (dataset && !dataset.time.periods.includes(period)) return null;
  return period;
}
