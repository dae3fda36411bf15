import { describe, expect, it } from 'vitest';
import { annotationLines, chartAnnotations, eventBand } from '../../../src/lib/explore/annotations';
import type { ChartSeries } from '../../../src/lib/charts/types';
import { CRIM_OFF_CAT, FRONTEX_IBC, MIGR_EIPRE } from '../state/fixtures';

const line = (key: string, periods: string[]): ChartSeries => ({
  key,
  label: key,
  color: '#000',
  points: periods.map((period) => ({ period, x: Number(period), value: 1, flag: null }))
});

describe('the annotations of a view', () => {
  const homicide = { iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: ['RO', 'NO'] };
  const window = { from: '2008', to: '2022' };

  it('marks the 22 July attacks on Norway’s point and the programme period as a band', () => {
    const series = [line('RO', ['2011']), line('NO', ['2011'])];
    const marks = chartAnnotations(CRIM_OFF_CAT, homicide, window, 'geo', series, [
      { period: '2014', series: null, text: 'Mine' }
    ]);
    expect(marks.map((m) => [m.kind, m.period, m.series, m.x])).toEqual([
      ['event', '2011', 'NO', 2011],
      ['reader', '2014', null, 2014]
    ]);
    expect(eventBand(CRIM_OFF_CAT, homicide, window)).toMatchObject({ from: 2013, to: 2017 });
    const lines = annotationLines(marks, eventBand(CRIM_OFF_CAT, homicide, window), (k) => k);
    expect(lines.map((l) => l.text)).toEqual([
      '17 June 2013 – 31 December 2017: RO21 programme period',
      '22 July 2011: 22 July attacks in Norway (77 killed)',
      '2014: Mine'
    ]);
    expect(lines[2].index).toBe(0);
  });

  it('leaves out events of other offences, countries and years', () => {
    const theft = { ...homicide, iccs: ['ICCS0502'] };
    expect(chartAnnotations(CRIM_OFF_CAT, theft, window, 'geo', [], [])).toEqual([]);
    const romania = { ...homicide, geo: ['RO'] };
    expect(chartAnnotations(CRIM_OFF_CAT, romania, window, 'geo', [], [])).toEqual([]);
    const before = { from: '2008', to: '2010' };
    expect(chartAnnotations(CRIM_OFF_CAT, homicide, before, 'geo', [], [])).toEqual([]);
    expect(eventBand(CRIM_OFF_CAT, homicide, before)).toBeUndefined();
  });

  it('dates Romania in Schengen by month on Frontex data, not on a table ending in 2023', () => {
    const route = { route: ['black_sea_route'], border_type: ['sea'], citizen: ['syria'] };
    const marks = chartAnnotations(
      FRONTEX_IBC,
      route,
      { from: '2023-01', to: '2025-04' },
      'route',
      [],
      []
    );
    expect(marks.map((m) => m.period)).toEqual(['2024-03', '2025-01']);
    const eipre = { geo: ['RO'], citizen: ['TOTAL'] };
    expect(
      chartAnnotations(MIGR_EIPRE, eipre, { from: '2010', to: '2023' }, 'geo', [], [])
    ).toEqual([]);
  });
});
