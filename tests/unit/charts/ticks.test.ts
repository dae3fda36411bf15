import { scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { logTicks } from '../../../src/lib/charts/frame/ticks';

describe('logTicks', () => {
  it('keeps 1, 2 and 5 times a power of ten', () => {
    expect(logTicks(scaleLog().domain([1, 100]).ticks(6))).toEqual([1, 2, 5, 10, 20, 50, 100]);
  });

  it('falls back to powers of ten over many decades', () => {
    const ticks = scaleLog().domain([10_000, 100_000_000]).ticks(6);
    expect(logTicks(ticks)).toEqual([10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]);
  });
});
