import { describe, expect, it } from 'vitest';
import { periodAs } from '../../../src/lib/model/period';

describe('a period taken to another frequency, at either end of a window', () => {
  it('a year becomes its first or last quarter or month', () => {
    expect(periodAs('2015', 'quarterly', 'first')).toBe('2015-Q1');
    expect(periodAs('2015', 'quarterly', 'last')).toBe('2015-Q4');
    expect(periodAs('2015', 'monthly', 'first')).toBe('2015-01');
    expect(periodAs('2015', 'monthly', 'last')).toBe('2015-12');
  });

  it('a quarter becomes its months, or its year', () => {
    expect(periodAs('2015-Q2', 'monthly', 'first')).toBe('2015-04');
    expect(periodAs('2015-Q2', 'monthly', 'last')).toBe('2015-06');
    expect(periodAs('2015-Q2', 'annual', 'last')).toBe('2015');
  });

  it('a month becomes the quarter and the year that hold it, and stays itself', () => {
    expect(periodAs('2015-05', 'quarterly', 'first')).toBe('2015-Q2');
    expect(periodAs('2015-12', 'quarterly', 'last')).toBe('2015-Q4');
    expect(periodAs('2015-05', 'annual', 'first')).toBe('2015');
    expect(periodAs('2015-05', 'monthly', 'last')).toBe('2015-05');
  });
});
