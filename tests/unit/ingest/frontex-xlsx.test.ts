import { beforeAll, describe, expect, it } from 'vitest';
import { readFrontexIbc } from '../../../src/lib/ingest/frontex-xlsx';
import type { LongDataset } from '../../../src/lib/ingest/types';
import { fixtureBytes, ingestErrorOf, sharedBytes } from './long-rows';
import { tinyXlsx } from './tiny-xlsx';

/** Sum of the values whose codes match (dimension id → code) and whose period starts with `period`. */
function total(dataset: LongDataset, codes: Record<string, string>, period = ''): number {
  const columns = Object.entries(codes).map(([id, code]) => ({
    column: dataset.codes[dataset.dimensions.findIndex((d) => d.id === id)],
    code
  }));
  let sum = 0;
  for (let r = 0; r < dataset.rowCount; r++)
    if (
      dataset.time[r].startsWith(period) &&
      columns.every(({ column, code }) => column[r] === code)
    )
      sum += dataset.value[r];
  return sum;
}

/*
 * Check values were computed without this code: a Python one-off read sheet1.xml of the
 * workbook with zipfile + xml.etree, resolved shared strings by index and summed the month
 * columns. Detections_of_IBC has 885 data rows × 196 months, every cell filled (139,186 of them
 * zeros): 173,460 observations. Eastern Mediterranean Route, 2015: 885,386. Black Sea Route:
 * 433 in 2014, 537 in 2017, 1,379 in all; Iraqi nationals on it in September 2017: 301.
 */
describe('readFrontexIbc on ibc.xlsx', () => {
  let ibc: LongDataset;
  beforeAll(() => {
    ibc = readFrontexIbc(sharedBytes('frontex/ibc.xlsx'), 'ibc.xlsx');
  });

  it('reads the layout: three label dimensions and monthly periods', () => {
    expect(ibc.format).toBe('frontex-xlsx');
    expect(ibc.tableCode).toBeNull();
    expect(ibc.lastUpdate).toBe('2025-06-03');
    expect(ibc.dimensions.map((d) => [d.id, d.label])).toEqual([
      ['route', 'Route'],
      ['border_type', 'Border type or inland'],
      ['citizen', 'Nationality']
    ]);
    expect(ibc.rowCount).toBe(173_460);
    expect(ibc.time[0]).toBe('2009-01');
    expect(ibc.time[195]).toBe('2025-04');
    expect(new Set(ibc.time).size).toBe(196);
    expect([...ibc.dimensions[1].codes]).toEqual([
      ['sea', 'Sea'],
      ['land', 'Land']
    ]);
    expect(ibc.dimensions[0].codes.get('black_sea_route')).toBe('Black Sea Route');
    expect(ibc.dimensions[2].codes.get('palestine')).toBe('Palestine^');
    expect(ibc.caveats).toBeUndefined();
  });

  it('keeps zeros as reported zeros and has no flags', () => {
    expect(ibc.value.filter((v) => v === 0).length).toBe(139_186);
    expect(ibc.flag.every((f) => f === null)).toBe(true);
  });

  it('matches totals computed independently', () => {
    expect(total(ibc, { route: 'eastern_mediterranean_route' }, '2015')).toBe(885_386);
    expect(total(ibc, { route: 'black_sea_route' }, '2014')).toBe(433);
    expect(total(ibc, { route: 'black_sea_route' }, '2017')).toBe(537);
    expect(total(ibc, { route: 'black_sea_route' })).toBe(1379);
    expect(total(ibc, { route: 'black_sea_route', citizen: 'iraq' }, '2017-09')).toBe(301);
  });
});

describe('readFrontexIbc on made-up and bad input', () => {
  const header = ['Route', 'Border type or inland', 'Nationality', 'JAN2024', 'FEB2024'];

  it('skips empty cells and keeps zeros', () => {
    const bytes = tinyXlsx({
      Detections_of_IBC: [header, ['Black Sea Route', 'Sea', 'Syria', 0, null], [null, null, null]]
    });
    const dataset = readFrontexIbc(bytes, 'tiny.xlsx');
    expect(dataset.rowCount).toBe(1);
    expect(dataset.time).toEqual(['2024-01']);
    expect([...dataset.value]).toEqual([0]);
    expect(dataset.lastUpdate).toBeNull();
  });

  it('refuses a column that is not a month, naming the cell', () => {
    const bytes = tinyXlsx({
      Detections_of_IBC: [
        [...header, 'Total'],
        ['R', 'Sea', 'X', 1, 2, 3]
      ]
    });
    const error = ingestErrorOf(() => readFrontexIbc(bytes, 'total.xlsx'));
    expect(error.message).toContain('the column header “Total” is not a month');
    expect(error.location).toBe('sheet “Detections_of_IBC”, cell F1');
  });

  it('refuses a UNODC workbook: it has no Detections_of_IBC sheet', () => {
    const error = ingestErrorOf(() =>
      readFrontexIbc(sharedBytes('unodc/data_glotip.xlsx'), 'data_glotip.xlsx')
    );
    expect(error.message).toContain('data_glotip.xlsx');
    expect(error.message).toContain('no sheet named Detections_of_IBC');
    expect(error.location).toBe('sheets “data_glotip_1”');
  });

  it('refuses a CSV file saved under an .xlsx name', () => {
    const bytes = fixtureBytes('bad/csv-named-xlsx.xlsx');
    const error = ingestErrorOf(() => readFrontexIbc(bytes, 'csv-named-xlsx.xlsx'));
    expect(error.message).toContain('not a zip archive');
  });

  it('refuses a workbook cut short', () => {
    const whole = tinyXlsx({
      Detections_of_IBC: [header, ['Black Sea Route', 'Sea', 'Syria', 1, 2]]
    });
    const error = ingestErrorOf(() =>
      readFrontexIbc(whole.subarray(0, whole.length - 30), 'cut.xlsx')
    );
    expect(error.message).toContain('cut short');
  });
});
