import { describe, expect, it } from 'vitest';
import { dodgeEndLabels, dodgeLabels } from '../../../src/lib/charts/line/labels';

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
