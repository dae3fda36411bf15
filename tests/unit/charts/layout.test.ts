import { describe, expect, it } from 'vitest';
import { barDomain, rankBars } from '../../../src/lib/charts/bars/layout';
import { gridColumns, sharedDomain } from '../../../src/lib/charts/multiples/layout';
import { breakBetween, slopeDomain, slopeRows } from '../../../src/lib/charts/slope/layout';
import { flagLettersOf, summarizeSeries } from '../../../src/lib/charts/summary';
import type { ChartSeries } from '../../../src/lib/charts/types';

function series(key: string, values: [string, number | null, string?][]): ChartSeries {
  return {
    key,
    label: key,
    color: '#000',
    points: values.map(([period, value, flag]) => ({
      period,
      x: Number(period),
      value,
      flag: flag ?? null
    }))
  };
}

const data = [
  series('RO', [
    ['2008', 2.28],
    ['2022', 0.91]
  ]),
  series('NO', [
    ['2008', 0.72],
    ['2022', null]
  ]),
  series('BG', [
    ['2008', 2.29],
    ['2011', 2.0, 'b'],
    ['2022', 1.11, 'p']
  ])
];

describe('ranked bars', () => {
  it('ranks by value, largest first, with missing values last', () => {
    const bars = rankBars(data, '2022');
    expect(bars.map((b) => [b.key, b.value, b.flag])).toEqual([
      ['BG', 1.11, 'p'],
      ['RO', 0.91, null],
      ['NO', null, null]
    ]);
  });

  it('starts the axis at zero and covers negative values', () => {
    expect(barDomain(rankBars(data, '2022'))).toEqual([0, 1.11]);
    expect(
      barDomain(rankBars([series('X', [['2022', -5]]), series('Y', [['2022', 3]])], '2022'))
    ).toEqual([-5, 3]);
    expect(barDomain([])).toEqual([0, 1]);
  });
});

describe('slope chart', () => {
  it('takes both ends of every series and the change between them', () => {
    const rows = slopeRows(data, '2008', '2022');
    expect(rows[0].from?.value).toBe(2.28);
    expect(rows[0].to?.value).toBe(0.91);
    expect(rows[0].percentChange).toBeCloseTo(-60.09, 2);
    expect(rows[1].to).toBeNull();
    expect(rows[1].percentChange).toBeNull();
    expect(slopeDomain(rows)).toEqual([0, 2.29]);
  });

  it('sees a break after the first period and up to the last, not on the first', () => {
    expect(breakBetween(data[2].points, '2008', '2022')).toBe(true);
    expect(breakBetween(data[2].points, '2011', '2022')).toBe(false);
  });
});

describe('small multiples', () => {
  it('shares one value axis from zero', () => {
    expect(sharedDomain(data, 'linear')).toEqual([0, 2.29]);
    expect(sharedDomain(data, 'log')).toEqual([0.72, 2.29]);
  });

  it('fits as many panels per row as the width allows', () => {
    expect(gridColumns(800, 6)).toBe(3);
    expect(gridColumns(200, 6)).toBe(1);
    expect(gridColumns(2000, 2)).toBe(2);
  });
});

describe('summary', () => {
  it('gives first and last value, ignoring gaps', () => {
    const [ro, no] = summarizeSeries(data);
    expect([ro.first.value, ro.last.value]).toEqual([2.28, 0.91]);
    expect(no.first).toBe(no.last);
    expect(no.percentChange).toBeNull();
  });

  it('lists the flag letters of drawn values', () => {
    expect(flagLettersOf(data.flatMap((s) => s.points))).toEqual(['b', 'p']);
  });
});

describe('a slope on a phone', () => {
  it('shortens a name to the characters it has, with an ellipsis', async () => {
    const { shortened } = await import('../../../src/lib/charts/slope/layout');
    expect(shortened('Romania', 12)).toBe('Romania');
    expect(shortened('European Union - 27 countries (from 2020)', 12)).toBe('European Un…');
    expect(shortened('Norway', 0)).toBe('N…');
  });
});
