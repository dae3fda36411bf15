import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSeries } from '$lib/charts/types';
import { exportRowsFromSeries } from '$lib/export/rows';
import { setLocale } from '$lib/i18n';
import { testManifest } from '../support/test-manifest';
import { loadDatasetWords } from '$lib/i18n/dataset-words-files';

// Romanian cases read the datasets' Romanian words, which the page loads before it switches.
beforeAll(() => loadDatasetWords('ro'));

afterEach(() => setLocale('en'));

describe('exportRowsFromSeries', () => {
  it('gives every point drawn its dimensions in the dataset order, with labels', () => {
    const dataset = testManifest({
      id: 'crim_off_cat',
      dimensions: [
        { id: 'iccs', codes: [['ICCS0101', 'Intentional homicide']] },
        { id: 'unit', codes: [['P_HTHAB', 'Per hundred thousand inhabitants']] },
        {
          id: 'geo',
          codes: [
            ['RO', 'Romania'],
            ['NO', 'Norway']
          ]
        }
      ],
      first: '2008',
      last: '2022'
    });
    const series: ChartSeries[] = [
      {
        key: 'NO',
        label: 'Norway',
        color: '#D55E00',
        points: [{ period: '2010', x: 2010, value: 2.3, flag: 'p' }]
      }
    ];
    const order = dataset.dimensions.map((d) => d.id);
    const filters = Object.fromEntries(dataset.dimensions.map((d) => [d.id, [d.codes[0].code]]));
    const rows = exportRowsFromSeries(series, {
      datasetId: dataset.id,
      dataset,
      filters,
      seriesBy: 'geo',
      unit: 'per 100 000 inhabitants'
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].dimensions.map((d) => d.id)).toEqual(order);
    const geo = rows[0].dimensions.find((d) => d.id === 'geo');
    expect(geo?.code).toBe('NO');
    expect(rows[0]).toMatchObject({
      period: '2010',
      value: 2.3,
      flag: 'p',
      unit: 'per 100 000 inhabitants'
    });
    expect(rows[0].dimensions.map((d) => d.label)).toEqual([
      'Intentional homicide',
      'Per hundred thousand inhabitants',
      'Norway'
    ]);
    // A download made in Romanian names the country, the offence and the unit as the screen does.
    setLocale('ro');
    const romanian = exportRowsFromSeries(series, {
      datasetId: dataset.id,
      dataset,
      filters,
      seriesBy: 'geo',
      unit: 'la 100 000 de locuitori'
    });
    expect(romanian[0].dimensions.map((d) => d.label)).toEqual([
      'Omor',
      'La sută de mii de locuitori',
      'Norvegia'
    ]);
    // The codes, which a script reads, stay the same in both languages.
    expect(romanian[0].dimensions.map((d) => d.code)).toEqual(
      rows[0].dimensions.map((d) => d.code)
    );
  });
});
