import { describe, expect, it } from 'vitest';
import type { ChartSeries } from '../../../src/lib/charts/types';
import { drawnSeries } from '../../../src/lib/explore/drawn';

const point = (period: string, value: number | null, flag: string | null = null) => ({
  period,
  x: Number(period),
  value,
  flag
});
const SERIES: ChartSeries[] = [
  { key: 'NO', label: 'Norway', color: '#1', points: [point('2020', 3), point('2021', null)] },
  {
    key: 'RO',
    label: 'Romania',
    color: '#2',
    points: [point('2020', 1), point('2021', 2), point('2022', 5, 'p')]
  },
  { key: 'BG', label: 'Bulgaria', color: '#3', points: [point('2020', 4), point('2022', 7)] }
];
const WINDOW = { from: '2020', to: '2022' };
const shape = (series: ChartSeries[]) =>
  series.map((s) => [s.key, s.points.map((p) => [p.period, p.value, p.flag])]);

describe('drawnSeries', () => {
  it('keeps the whole window for the line, multiples and table', () => {
    for (const view of ['line', 'multiples', 'table'] as const)
      expect(drawnSeries(SERIES, view, WINDOW, false)).toEqual(SERIES);
  });

  it('gives bars the last period, largest first, a missing country kept as missing', () => {
    expect(shape(drawnSeries(SERIES, 'bars', WINDOW, false))).toEqual([
      ['BG', [['2022', 7, null]]],
      ['RO', [['2022', 5, 'p']]],
      ['NO', [['2022', null, null]]]
    ]);
  });

  it('draws one value per series as bars in every chart view, dated by the periods compared', () => {
    expect(shape(drawnSeries(SERIES, 'slope', WINDOW, true))).toEqual([
      ['BG', [['2020/2022', 7, null]]],
      ['RO', [['2020/2022', 5, 'p']]],
      ['NO', [['2020/2022', null, null]]]
    ]);
    expect(drawnSeries(SERIES, 'line', WINDOW, true)).toEqual(
      drawnSeries(SERIES, 'slope', WINDOW, true)
    );
    expect(drawnSeries(SERIES, 'table', WINDOW, true)).toEqual(SERIES);
  });

  it('gives the slope its two ends with a value', () => {
    expect(shape(drawnSeries(SERIES, 'slope', WINDOW, false))).toEqual([
      ['NO', [['2020', 3, null]]],
      [
        'RO',
        [
          ['2020', 1, null],
          ['2022', 5, 'p']
        ]
      ],
      [
        'BG',
        [
          ['2020', 4, null],
          ['2022', 7, null]
        ]
      ]
    ]);
  });

  it('gives the map the last period of the countries that have it', () => {
    expect(shape(drawnSeries(SERIES, 'map', WINDOW, false))).toEqual([
      ['RO', [['2022', 5, 'p']]],
      ['BG', [['2022', 7, null]]]
    ]);
  });
});
