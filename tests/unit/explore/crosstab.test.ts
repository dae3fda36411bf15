import { describe, expect, it } from 'vitest';
import type { ChartSeries } from '../../../src/lib/charts/types';
import {
  changeBetween,
  crosstabCells,
  crosstabOf,
  sortCrosstab
} from '../../../src/lib/explore/crosstab/crosstab';

const point = (period: string, value: number | null, flag: string | null = null) => ({
  period,
  x: Number(period),
  value,
  flag
});
const series: ChartSeries[] = [
  {
    key: 'RO',
    label: 'Romania',
    color: '#000',
    points: [point('2009', 100), point('2008', 80, 'e'), point('2010', 120, 'p')]
  },
  { key: 'NO', label: 'Norway', color: '#000', points: [point('2008', 50), point('2010', 40)] },
  {
    key: 'BG',
    label: 'Bulgaria',
    color: '#000',
    points: [point('2008', null, 'c'), point('2010', 300)]
  }
];

describe('crosstabOf', () => {
  it('lays the series out by period, keeping each flag and marking a missing period', () => {
    const table = crosstabOf(series, 'percent');
    expect(table.periods).toEqual(['2008', '2009', '2010']);
    expect(table.rows.map((r) => r.key)).toEqual(['RO', 'NO', 'BG']);
    expect(table.rows[0].cells).toEqual([
      { value: 80, flag: 'e' },
      { value: 100, flag: null },
      { value: 120, flag: 'p' }
    ]);
    expect(table.rows[1].cells[1]).toEqual({ value: null, flag: null });
    expect(table.rows[2].cells[0]).toEqual({ value: null, flag: 'c' });
  });

  it('gives the change from the first period shown to the last', () => {
    const table = crosstabOf(series, 'percent');
    // Computed apart: 120 / 80 = 1.5, so +50 %; 40 / 50 = 0.8, so −20 %.
    expect(table.rows.map((r) => r.change)).toEqual([50, -20, null]);
    expect(
      crosstabOf(
        [series[0]].map((s) => ({ ...s, points: [s.points[0]] })),
        'percent'
      )
    ).toEqual(expect.objectContaining({ hasChange: false }));
  });
});

describe('changeBetween', () => {
  it('is a percentage of a positive first value, rounded to the tenth shown', () => {
    expect(changeBetween(3, 4, 'percent')).toBe(33.3);
    expect(changeBetween(0, 4, 'percent')).toBeNull();
    expect(changeBetween(-2, 4, 'percent')).toBeNull();
    expect(changeBetween(null, 4, 'percent')).toBeNull();
  });

  it('is a difference in points for values that are percentages', () => {
    expect(changeBetween(12.53, -2.18, 'points')).toBe(-14.7);
  });
});

describe('sortCrosstab', () => {
  const table = crosstabOf(series, 'percent');
  const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

  it('sorts by a period, missing values last in either direction', () => {
    expect(keys(sortCrosstab(table, { kind: 'period', period: '2008' }, true))).toEqual([
      'NO',
      'RO',
      'BG'
    ]);
    expect(keys(sortCrosstab(table, { kind: 'period', period: '2008' }, false))).toEqual([
      'RO',
      'NO',
      'BG'
    ]);
  });

  it('sorts by label alphabetically and by the change', () => {
    expect(keys(sortCrosstab(table, { kind: 'label' }, true))).toEqual(['BG', 'NO', 'RO']);
    expect(keys(sortCrosstab(table, { kind: 'change' }, false))).toEqual(['RO', 'NO', 'BG']);
  });
});

describe('crosstabCells', () => {
  it('is the table as shown: each value then its flag, and the change last', () => {
    const table = crosstabOf(series, 'percent');
    const rows = sortCrosstab(table, { kind: 'label' }, true);
    const cells = crosstabCells(table, rows, {
      rows: 'Country',
      flag: (p) => `${p} flag`,
      change: 'Change 2008–2010 (%)'
    });
    expect(cells.header).toEqual([
      'Country',
      '2008',
      '2008 flag',
      '2009',
      '2009 flag',
      '2010',
      '2010 flag',
      'Change 2008–2010 (%)'
    ]);
    expect(cells.rows[0]).toEqual(['Bulgaria', null, 'c', null, '', 300, '', null]);
    expect(cells.rows[2]).toEqual(['Romania', 80, 'e', 100, '', 120, 'p', 50]);
  });
});
