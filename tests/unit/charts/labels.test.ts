import { describe, expect, it } from 'vitest';
import { dodgeLabels } from '../../../src/lib/charts/line/labels';

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
