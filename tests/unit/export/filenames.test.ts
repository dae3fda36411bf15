import { describe, expect, it } from 'vitest';
import { exportFileName } from '$lib/export/filenames';
import type { ExportRow } from '$lib/export/rows';

function row(geo: string, period: string, value: number | null = 1): ExportRow {
  return {
    dataset: 'crim_off_cat',
    dimensions: [
      { id: 'freq', code: 'A', label: 'Annual' },
      { id: 'iccs', code: 'ICCS0101', label: 'Intentional homicide' },
      { id: 'unit', code: 'P_HTHAB', label: 'Per hundred thousand inhabitants' },
      { id: 'geo', code: geo, label: geo }
    ],
    period,
    value,
    unit: '',
    flag: null
  };
}

describe('exportFileName', () => {
  it('names dataset, indicator, countries and years', () => {
    const rows = [row('RO', '2008'), row('RO', '2022'), row('NO', '2010')];
    expect(exportFileName(rows, 'csv')).toBe('crim_off_cat_ICCS0101_P_HTHAB_RO-NO_2008-2022.csv');
    expect(exportFileName(rows, 'png', 'print')).toBe(
      'crim_off_cat_ICCS0101_P_HTHAB_RO-NO_2008-2022_print.png'
    );
  });

  it('counts countries beyond the fifth and takes years from monthly periods', () => {
    const rows = ['RO', 'NO', 'BG', 'HU', 'DE', 'PL', 'AT'].map((geo) => row(geo, '2015-03'));
    expect(exportFileName(rows, 'svg')).toBe(
      'crim_off_cat_ICCS0101_P_HTHAB_RO-NO-BG-HU-DE-and-2-more_2015.svg'
    );
  });

  it('leaves out years that have no value drawn', () => {
    const rows = [
      row('RO', '2008', null),
      row('RO', '2009'),
      row('RO', '2011'),
      row('RO', '2012', null)
    ];
    expect(exportFileName(rows, 'csv')).toBe('crim_off_cat_ICCS0101_P_HTHAB_RO_2009-2011.csv');
  });

  it('names a change by both periods it compares', () => {
    const rows = [row('RO', '2010/2023'), row('NO', '2010/2023')];
    expect(exportFileName(rows, 'csv')).toBe('crim_off_cat_ICCS0101_P_HTHAB_RO-NO_2010-2023.csv');
  });

  it('keeps only safe characters and falls back to the title without rows', () => {
    expect(exportFileName([], 'svg', '', 'Omucideri în România / 2024')).toBe(
      'Omucideri-in-Romania-2024.svg'
    );
    const odd = [{ ...row('RO', '2010'), dataset: '../../etc/passwd' }];
    expect(exportFileName(odd, 'csv')).toMatch(/^etc-passwd_/);
  });
});
