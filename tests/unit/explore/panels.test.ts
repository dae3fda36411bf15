import { describe, expect, it } from 'vitest';
import { seriesKey, splitSeriesKey } from '../../../src/lib/query/series';
import { groupIntoPanels, planSeries, seriesKeys } from '../../../src/lib/explore/panels';

const plan = {
  seriesBy: 'geo',
  panelBy: 'iccs',
  request: {
    table: 'crim_off_cat',
    seriesBy: 'geo',
    panelBy: 'iccs',
    filters: { geo: ['RO', 'NO'], iccs: ['ICCS0501', 'ICCS0502'] }
  }
};
const names: Record<string, string> = {
  RO: 'Romania',
  NO: 'Norway',
  ICCS0501: 'Burglary',
  ICCS0502: 'Theft'
};
const labelIn = () => (code: string) => names[code] ?? code;

describe('series keys of two varying dimensions', () => {
  it('round-trips both codes', () => {
    expect(splitSeriesKey(seriesKey('RO', 'ICCS0501'))).toEqual({ code: 'RO', panel: 'ICCS0501' });
    expect(splitSeriesKey('RO')).toEqual({ code: 'RO', panel: null });
  });

  it('lists every pair, panel by panel, in the order ticked', () => {
    expect(seriesKeys(plan.request.filters, 'geo', 'iccs').map(splitSeriesKey)).toEqual([
      { code: 'RO', panel: 'ICCS0501' },
      { code: 'NO', panel: 'ICCS0501' },
      { code: 'RO', panel: 'ICCS0502' },
      { code: 'NO', panel: 'ICCS0502' }
    ]);
  });

  it('names a series by both labels and groups it into its panel, one colour per country', () => {
    const rows = [
      { series: seriesKey('RO', 'ICCS0501'), period: '2010', value: 1, flag: null },
      { series: seriesKey('NO', 'ICCS0502'), period: '2010', value: 2, flag: 'e' },
      { series: seriesKey('RO', 'ICCS0502'), period: '2010', value: 3, flag: null }
    ];
    const series = planSeries(rows, plan, labelIn);
    expect(series.map((s) => s.label)).toEqual([
      'Burglary — Romania',
      'Theft — Romania',
      'Theft — Norway'
    ]);
    expect(series[0].color).toBe(series[1].color);
    const panels = groupIntoPanels(series, ['ICCS0501', 'ICCS0502'], labelIn(), labelIn());
    expect(panels.map((p) => [p.label, p.series.map((s) => s.label)])).toEqual([
      ['Burglary', ['Romania']],
      ['Theft', ['Romania', 'Norway']]
    ]);
  });
});
