import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_TEXT_LIMIT,
  decodeAnnotation,
  encodeAnnotation,
  readAnnotationParams
} from '../../../src/lib/state/annotation-params';
import { noteText } from '../../../src/lib/state/link-note-text';
import { parseViewParams, permalinkHref } from '../../../src/lib/state/permalink';
import type { ReaderAnnotation } from '../../../src/lib/model/annotation';
import { ALL_IDS, CRIM_OFF_CAT } from './fixtures';

const base = 'ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO&view=line';

/** A link's annotations as the explorer reads them, with its notes worded in English. */
function open(query: string) {
  const parsed = parseViewParams(new URLSearchParams(query), CRIM_OFF_CAT, ALL_IDS);
  return { annotations: parsed.state.annotations, notes: parsed.notes.map(noteText) };
}

describe('annotations in a link', () => {
  it('round-trips a note on a point, on a period, and one whose text holds ~ , & and #', () => {
    const annotations: ReaderAnnotation[] = [
      { period: '2011', series: 'NO', text: '22 July attacks' },
      { period: '2014', series: null, text: 'New law ~ 2014, & more #1' },
      { period: '2020', series: 'RO', text: 'Pandemic: „carantină”' }
    ];
    const opened = parseViewParams(new URLSearchParams(base), CRIM_OFF_CAT, ALL_IDS).state;
    const state = { ...opened, annotations };
    const href = permalinkHref(state, CRIM_OFF_CAT);
    expect(href).toContain('note=2011~NO~22%20July%20attacks');
    const back = open(href.split('?')[1]);
    expect(back.annotations).toEqual(annotations);
    expect(back.notes).toEqual([]);
  });

  it('reads the compact form of the brief and one without a series', () => {
    expect(open(`${base}&note=2011~NO~22 July attacks&note=2013~Start`).annotations).toEqual([
      { period: '2011', series: 'NO', text: '22 July attacks' },
      { period: '2013', series: null, text: 'Start' }
    ]);
  });

  it('leaves an old link without notes as it was', () => {
    expect(open(base)).toEqual({ annotations: undefined, notes: [] });
  });

  it('keeps a note without a period whole, says so, and writes it back unchanged', () => {
    const read = open(`${base}&note=Look here`);
    expect(read.annotations).toEqual([{ period: null, series: null, text: 'Look here' }]);
    expect(read.notes).toEqual([
      "The link's annotation \u201cLook here\u201d names no period: it is listed under the chart but not drawn. Write it as period~series~text, e.g. 2011~NO~22 July attacks."
    ]);
    const again = decodeAnnotation(encodeAnnotation(read.annotations![0]), CRIM_OFF_CAT);
    expect(again.annotation).toEqual(read.annotations![0]);
  });

  it('keeps the whole value when the period cannot be read', () => {
    const read = decodeAnnotation('July 2011~NO~attacks', CRIM_OFF_CAT);
    expect(read.annotation).toEqual({ period: null, series: null, text: 'July 2011~NO~attacks' });
    expect(read.note?.key).toBe('annot_note_no_period');
  });

  it('keeps a note at a period the dataset lacks, and says it is not drawn', () => {
    const read = open(`${base}&note=1999~RO~Before the data`);
    expect(read.annotations).toEqual([{ period: '1999', series: 'RO', text: 'Before the data' }]);
    expect(read.notes[0]).toContain('is at 1999, which this dataset does not have');
  });

  it('leaves out a note without text, and says so', () => {
    const read = open(`${base}&note=2011~NO~%20`);
    expect(read.annotations).toBeUndefined();
    expect(read.notes).toEqual([
      'An annotation in the link had no text and was left out: \u201c2011~NO~ \u201d.'
    ]);
  });

  it('cuts a text past the limit and says so; drops hidden characters', () => {
    const long = 'x'.repeat(ANNOTATION_TEXT_LIMIT + 5);
    const read = readAnnotationParams(
      new URLSearchParams({ note: `2011~~${long}\u202e` }),
      CRIM_OFF_CAT
    );
    expect(read.annotations[0].text).toHaveLength(ANNOTATION_TEXT_LIMIT);
    expect(read.notes.map((n) => n.key)).toEqual(['annot_note_cut']);
  });
});
