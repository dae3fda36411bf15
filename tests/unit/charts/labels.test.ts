import { describe, expect, it } from 'vitest';
import { dodgeEndLabels, dodgeLabels } from '../../../src/lib/charts/line/labels';
import {
  labelText,
  layoutAnnotationLabels,
  rowsOf
} from '../../../src/lib/charts/line/annotation-layout';

describe('end labels', () => {
  it('keep one-line labels a line apart', () => {
    expect(dodgeLabels([50, 52], 14, 0, 200)).toEqual([50, 64]);
  });

  it('give a label of two lines the room of two', () => {
    expect(dodgeLabels([50, 52], 14, 0, 200, [2, 1])).toEqual([50, 78]);
    expect(dodgeLabels([52, 50], 14, 0, 200, [1, 2])).toEqual([78, 50]);
  });

  it('keep the last line of a long label above the bottom', () => {
    expect(dodgeLabels([190, 195], 14, 0, 200, [1, 2])).toEqual([172, 186]);
  });
});

describe('dodgeEndLabels', () => {
  it('moves apart only labels that end in the same column', () => {
    // Two series end at x = 300 with close values; a third stops early at x = 120 beside them.
    const ends = [
      { x: 300, y: 50 },
      { x: 120, y: 52 },
      { x: 300, y: 52 },
      { x: null, y: 0 }
    ];
    expect(dodgeEndLabels(ends, 14, 0, 200)).toEqual([50, 52, 64, 0]);
  });
});

describe('annotation labels', () => {
  it('stand in the first row where they overlap no other, within the right edge', () => {
    const placed = layoutAnnotationLabels(
      [
        { at: 100, text: 'abcdefghij' },
        { at: 120, text: 'klmno' },
        { at: 400, text: 'pq' },
        { at: 500, text: 'a long label at the edge' }
      ],
      520
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1, 1, 0]);
    expect(placed[0].left).toBe(96);
    // Pushed left so that it ends at the right edge.
    expect(placed[3].left + placed[3].width).toBeCloseTo(520, 6);
    expect(rowsOf(placed)).toBe(2);
    expect(rowsOf([])).toBe(0);
  });

  it('cut a long text with an ellipsis', () => {
    expect(labelText('22 July attacks in Norway (77 killed)')).toBe('22 July attacks in Norway (…');
    expect(labelText('Census')).toBe('Census');
  });
});
