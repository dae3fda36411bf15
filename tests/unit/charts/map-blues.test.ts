import { schemeBlues } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { BLUES } from '../../../src/lib/charts/map/blues';
import { classBreaks } from '../../../src/lib/charts/map/classes';

describe("the map's blues", () => {
  it('are ColorBrewer’s Blues as d3-scale-chromatic publishes them, for 3 to 9 classes', () => {
    for (let n = 3; n <= 9; n++) expect(BLUES[n]).toEqual([...schemeBlues[n]]);
  });

  it('colour five quantile classes light to dark', () => {
    const classes = classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    expect(classes?.colours).toEqual([...schemeBlues[5]]);
  });
});
