import { describe, expect, it } from 'vitest';
import { NO_EDITS, withEdits, type ChartText } from '$lib/model/chart-text';

const text: ChartText = {
  title: 'Original title',
  subtitle: 'Original subtitle',
  source: 'Source: Eurostat (crim_off_cat).',
  notes: ['Original note'],
  unit: '%'
};

describe('withEdits', () => {
  it('keeps the original without edits', () => {
    expect(withEdits(text, NO_EDITS)).toEqual(text);
  });

  it('replaces title, subtitle and notes but never the source', () => {
    const edited = withEdits(text, {
      title: ' For the board ',
      subtitle: '',
      notes: 'First\r\n\n  Second  '
    });
    expect(edited).toEqual({
      ...text,
      title: 'For the board',
      titleEdited: true,
      subtitle: '',
      notes: ['First', 'Second']
    });
  });

  it('falls back to the original title when the edit is emptied', () => {
    const emptied = withEdits(text, { ...NO_EDITS, title: '   ' });
    expect(emptied.title).toBe('Original title');
    expect(emptied.titleEdited).toBeUndefined();
  });
});
