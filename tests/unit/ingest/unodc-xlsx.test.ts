import { beforeAll, describe, expect, it } from 'vitest';
import { readUnodcXlsx } from '../../../src/lib/ingest/unodc-xlsx';
import { geoCodeFromIso3 } from '../../../src/lib/reference/geo';
import type { LongDataset } from '../../../src/lib/ingest/types';
import { fixtureBytes, ingestErrorOf, observation, sharedBytes } from './long-rows';
import { tinyXlsx, type TinyCell } from './tiny-xlsx';

/** Value and flag of the one row with these codes (all dimensions, in order) and year. */
const at = (dataset: LongDataset, codes: string[], time: string) =>
  observation(
    dataset,
    Object.fromEntries(codes.map((code, d) => [dataset.dimensions[d].id, code])),
    time
  );

const HEADER = [
  'Iso3_code',
  'Country',
  'Region',
  'Subregion',
  'Indicator',
  'Dimension',
  'Category',
  'Sex',
  'Age',
  'Year',
  'Unit of measurement',
  'txtVALUE',
  'Source'
];
const row = (
  iso3: string,
  country: string,
  category: string | null,
  year: number,
  value: TinyCell
) => [
  iso3,
  country,
  'Europe',
  'Eastern Europe',
  'Persons convicted',
  'by citizenship',
  category,
  'Total',
  'Total',
  year,
  'Counts',
  value,
  'GLOTIP'
];
const tinyUnodc = (rows: TinyCell[][]) =>
  tinyXlsx({ data_glotip_1: [['UNODC'], ['14/04/2025'], HEADER, ...rows] });

/*
 * Expected counts were checked without this code: a Python one-off read each sheet with
 * zipfile + xml.etree (shared strings resolved by index), dropped rows with an empty value,
 * keyed rows by ISO3 (or the country name where it is empty), the slugs of Indicator,
 * Dimension, Category, Sex, Age and Unit, and Year, and counted distinct keys and keys with
 * differing values. GLOTIP: 58,769 data rows → 58,045 keys, 284 of them with conflicting
 * values, 29,029 keys whose only value is <5. CTS files: 22,754 and 26,114 rows, all keys unique.
 */
describe('readUnodcXlsx on data_glotip.xlsx', () => {
  let glotip: LongDataset;
  beforeAll(() => {
    glotip = readUnodcXlsx(sharedBytes('unodc/data_glotip.xlsx'), 'data_glotip.xlsx');
  });

  it('reads the banner, the dimensions and one row per combination', () => {
    expect(glotip.format).toBe('unodc-xlsx');
    expect(glotip.tableCode).toBeNull();
    expect(glotip.title).toBe('UNODC GLOTIP');
    expect(glotip.lastUpdate).toBe('2025-04-14');
    expect(glotip.dimensions.map((d) => d.id)).toEqual([
      'geo',
      'indicator',
      'dimension',
      'category',
      'sex',
      'age',
      'unit'
    ]);
    expect(glotip.rowCount).toBe(58_045);
    expect(glotip.codes.every((column) => column.length === glotip.rowCount)).toBe(true);
    expect(glotip.time.length).toBe(glotip.rowCount);
    const [indicator, , , sex] = glotip.dimensions.slice(1);
    expect(indicator.codes.get('detected_trafficking_victims')).toBe(
      'Detected trafficking victims'
    );
    expect([...sex.codes.keys()].sort()).toEqual(['female', 'male', 'other', 'total', 'unknown']);
  });

  it('maps ISO3 to Eurostat geo codes and keeps the country as the label', () => {
    const geo = glotip.dimensions[0];
    expect(geo.codes.get('RO')).toBe('Romania');
    expect(geo.codes.get('NO')).toBe('Norway');
    // Sark has no ISO3 code in the file; its rows are kept under its name.
    expect(geo.codes.get('sark')).toBe('Sark');
  });

  it('reads Romania’s detected victims, including a value written with a thousands comma', () => {
    const total = (year: string) =>
      at(
        glotip,
        ['RO', 'detected_trafficking_victims', 'total', 'total', 'total', 'total', 'counts'],
        year
      );
    expect(total('2022')).toEqual({ value: 500, flag: null });
    // Written "1,780" in the file.
    expect(total('2007')).toEqual({ value: 1780, flag: null });
  });

  it('turns <5 into an empty value flagged l, never a number', () => {
    const romanians = (year: string) =>
      at(
        glotip,
        [
          'NO',
          'detected_trafficking_victims',
          'by_citizenship',
          'romania',
          'total',
          'total',
          'counts'
        ],
        year
      );
    const suppressed = romanians('2007');
    expect(suppressed.value).toBeNaN();
    expect(suppressed.flag).toBe('l');
    expect(romanians('2009')).toEqual({ value: 25, flag: null });
    const flagged = glotip.flag.filter((f) => f === 'l').length;
    expect(flagged).toBe(29_029);
    const flaggedButValued = glotip.flag.filter(
      (f, r) => f === 'l' && !Number.isNaN(glotip.value[r])
    );
    expect(flaggedButValued).toHaveLength(0);
  });

  it('leaves combinations the file gives two different values for empty, and says so', () => {
    const argentina = geoCodeFromIso3('ARG') ?? 'ARG';
    const other = at(
      glotip,
      [argentina, 'detected_trafficking_victims', 'total', 'total', 'other', 'total', 'counts'],
      '2019'
    );
    expect(other.value).toBeNaN();
    expect(other.flag).toBeNull();
    expect(glotip.caveats?.[0]).toMatch(
      /^284 combinations .* \(e\.g\. Argentina, .*2019: <5 and 11\)/
    );
    expect(glotip.caveats?.[1]).toMatch(/^106 Category labels .*“ARGENTINA” as “Argentina”/);
  });
});

describe('readUnodcXlsx on the Crime Trends Survey workbooks', () => {
  it('reads data_cts_corruption_and_economic_crime.xlsx (VALUE column, counts and rates)', () => {
    const cts = readUnodcXlsx(
      sharedBytes('unodc/data_cts_corruption_and_economic_crime.xlsx'),
      'data_cts_corruption_and_economic_crime.xlsx'
    );
    expect(cts.rowCount).toBe(22_754);
    expect(cts.lastUpdate).toBe('2024-05-16');
    // The Source column varies by row (CTS, CTS/MoI, NGO…), so it is no title.
    expect(cts.title).toBeNull();
    expect(cts.caveats).toBeUndefined();
    expect(cts.dimensions[6].codes.get('rate_per_100_000_population')).toBe(
      'Rate per 100,000 population'
    );
    const corruption = ['RO', 'offences', 'by_type_of_offence', 'corruption', 'total', 'total'];
    expect(at(cts, [...corruption, 'counts'], '2015').value).toBe(2192);
    expect(at(cts, [...corruption, 'rate_per_100_000_population'], '2015').value).toBe(
      11.0117115480151
    );
    expect(cts.flag.every((f) => f === null)).toBe(true);
  });

  it('reads data_cts_violent_and_sexual_crime.xlsx', () => {
    const cts = readUnodcXlsx(
      sharedBytes('unodc/data_cts_violent_and_sexual_crime.xlsx'),
      'data_cts_violent_and_sexual_crime.xlsx'
    );
    expect(cts.rowCount).toBe(26_114);
    expect(cts.lastUpdate).toBe('2024-05-16');
    const assault = [
      'RO',
      'violent_offences',
      'by_type_of_offence',
      'serious_assault',
      'total',
      'total'
    ];
    expect(at(cts, [...assault, 'counts'], '2003').value).toBe(9641);
    expect(at(cts, [...assault, 'rate_per_100_000_population'], '2003').value).toBe(
      44.8808546215968
    );
    expect(
      at(
        cts,
        [
          'NO',
          'violent_offences',
          'by_type_of_offence',
          'sexual_violence_rape',
          'total',
          'total',
          'counts'
        ],
        '2020'
      ).value
    ).toBe(2234);
  });
});

describe('readUnodcXlsx on made-up workbooks', () => {
  it('drops empty values and exact repeats, codes blank categories, and refuses unknown text', () => {
    const dataset = readUnodcXlsx(
      tinyUnodc([
        row('ROU', 'Romania', 'Italy', 2020, '12'),
        row('ROU', 'Romania', 'Italy', 2020, 12),
        row('ROU', 'Romania', 'Italy', 2021, null),
        row('ROU', 'Romania', null, 2021, '1,234'),
        row('XYZ', 'Nowhere', 'ITALY', 2021, '<5')
      ]),
      'tiny.xlsx'
    );
    expect(dataset.rowCount).toBe(3);
    expect(dataset.codes[0]).toEqual(['RO', 'RO', 'XYZ']);
    expect(dataset.codes[3]).toEqual(['italy', 'blank', 'italy']);
    expect(dataset.dimensions[3].codes.get('blank')).toBe('(blank)');
    expect([...dataset.value]).toEqual([12, 1234, NaN]);
    expect(dataset.flag).toEqual([null, null, 'l']);
    expect(dataset.caveats).toEqual([
      '1 Category label that differs from another only in capitals, accents or punctuation is shown under the first spelling (“ITALY” as “Italy”).'
    ]);

    const error = ingestErrorOf(() =>
      readUnodcXlsx(tinyUnodc([row('ROU', 'Romania', 'x', 2020, '1,5')]), 'comma.xlsx')
    );
    expect(error.message).toContain('the value “1,5” is not a number');
    expect(error.location).toBe('sheet “data_glotip_1”, cell L4');
  });

  it('names the missing columns of a header row', () => {
    const bytes = tinyXlsx({ S: [['UNODC'], ['Iso3_code', 'Country', 'Year', 'VALUE']] });
    const error = ingestErrorOf(() => readUnodcXlsx(bytes, 'short.xlsx'));
    expect(error.message).toContain(
      'lacks the columns indicator, dimension, category, sex, age, unit of measurement'
    );
    expect(error.location).toBe('sheet “S”, row 2');
  });
});

describe('readUnodcXlsx on bad input', () => {
  it('refuses the Frontex workbook: no sheet has the UNODC header', () => {
    const error = ingestErrorOf(() => readUnodcXlsx(sharedBytes('frontex/ibc.xlsx'), 'ibc.xlsx'));
    expect(error.message).toContain('ibc.xlsx');
    expect(error.message).toContain('no sheet has a header row with an Iso3_code column');
    expect(error.location).toContain('“Detections_of_IBC”, “Notes”, “Dictionary”');
    expect(error.expected).toContain('UNODC data-portal workbook');
  });

  it('refuses a CSV file saved under an .xlsx name', () => {
    const bytes = fixtureBytes('bad/csv-named-xlsx.xlsx');
    const error = ingestErrorOf(() => readUnodcXlsx(bytes, 'csv-named-xlsx.xlsx'));
    expect(error.message).toBe(
      'csv-named-xlsx.xlsx (first bytes): the file is not a zip archive, so it cannot be an .xlsx workbook. Expected an Excel workbook saved as .xlsx.'
    );
  });

  it('refuses a workbook cut short', () => {
    const whole = tinyUnodc([row('ROU', 'Romania', 'Italy', 2020, '12')]);
    const error = ingestErrorOf(() =>
      readUnodcXlsx(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.xlsx')
    );
    expect(error.message).toContain('cut.xlsx');
    expect(error.message).toContain('cut short');
  });
});
