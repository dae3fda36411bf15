import { describe, expect, it } from 'vitest';
import { readWorldBankCsv, readWorldBankJson } from '../../../src/lib/ingest/worldbank';
import { IngestError } from '../../../src/lib/ingest/types';
import { errorOf, fixtureBytes, observation, sharedBytes, textBytes } from './long-rows';

const JSON_FILE = 'wb_SP_POP_TOTL.json';
const CSV_FILE = 'API_SP.POP.TOTL_DS2_en_csv_v2_887275.csv';

describe('readWorldBankJson on the shared API response', () => {
  const data = readWorldBankJson(sharedBytes(`worldbank/${JSON_FILE}`), JSON_FILE);

  it('reads the metadata and both dimensions', () => {
    expect(data.format).toBe('worldbank-json');
    expect(data.tableCode).toBe('sp_pop_totl');
    expect(data.title).toBe('Population, total');
    // {"page":1,"pages":1,"per_page":20000,"total":3445,"sourceid":"2","lastupdated":"2026-07-13"}
    expect(data.lastUpdate).toBe('2026-07-13');
    expect(data.dimensions.map((d) => d.id)).toEqual(['indicator', 'geo']);
    expect([...data.dimensions[0].codes]).toEqual([['SP.POP.TOTL', 'Population, total']]);
  });

  it('drops the groups and keeps every country', () => {
    // 3,445 records = 13 years × 265 places. 49 places are dropped (637 records): 43 World
    // Bank groups with a code (WLD, EUU, ECS…), 5 income groups with an empty
    // countryiso3code, and the Channel Islands (CHI). The other 2,808 are 216 countries
    // × 13 years, none of them null.
    expect(data.rowCount).toBe(2808);
    expect(data.dimensions[1].codes.size).toBe(216);
    for (const group of ['WLD', 'EUU', 'ECS', 'EMU', 'EU', 'EU27_2020'])
      expect(data.dimensions[1].codes.has(group)).toBe(false);
  });

  it('gives the raw values under Eurostat geo codes', () => {
    // "countryiso3code":"ROU","date":"2020","value":19265250
    expect(observation(data, { geo: 'RO' }, '2020')).toEqual({ value: 19265250, flag: null });
    // "countryiso3code":"GRC","date":"2020","value":10698599
    expect(observation(data, { geo: 'EL' }, '2020').value).toBe(10698599);
    // "countryiso3code":"GBR","date":"2020","value":66740000
    expect(observation(data, { geo: 'UK' }, '2020').value).toBe(66740000);
    expect(data.dimensions[1].codes.get('XK')).toBe('Kosovo (under UNSCR 1244/99)');
    expect(data.dimensions[1].codes.get('EL')).toBe('Greece');
  });
});

describe('readWorldBankCsv on the shared bulk CSV', () => {
  const data = readWorldBankCsv(sharedBytes(`worldbank/${CSV_FILE}`), CSV_FILE);

  it('skips the BOM and metadata lines and reads the years', () => {
    expect(data.format).toBe('worldbank-csv');
    expect(data.tableCode).toBe('sp_pop_totl');
    expect(data.title).toBe('Population, total');
    // line 3: "Last Updated Date","2020-03-18",
    expect(data.lastUpdate).toBe('2020-03-18');
    // 216 countries; 48 group rows dropped; 12,636 non-empty country cells over 1960-2019.
    expect(data.dimensions[1].codes.size).toBe(216);
    expect(data.rowCount).toBe(12636);
  });

  it('gives the raw values, and nothing for empty cells', () => {
    // line 205: "Romania","ROU","Population, total","SP.POP.TOTL","18406905",… (1960) … 2018 = "19473936", 2019 = ""
    expect(observation(data, { geo: 'RO' }, '1960').value).toBe(18406905);
    expect(observation(data, { geo: 'RO' }, '2018').value).toBe(19473936);
    expect(() => observation(data, { geo: 'RO' }, '2019')).toThrow(/0 rows/);
    expect(data.time.includes('2019')).toBe(false);
  });
});

describe('World Bank readers on bad input', () => {
  it('rejects a truncated JSON download, saying where it ends', () => {
    const error = errorOf(() =>
      readWorldBankJson(fixtureBytes('bad/worldbank-truncated.json'), 'worldbank-truncated.json')
    );
    expect(error).toBeInstanceOf(IngestError);
    expect(error.message).toMatch(
      /^worldbank-truncated\.json \((line 3, column \d+|end of file, character \d+)\)/
    );
    expect(error.message).toContain('not valid JSON');
    expect(error.message).toContain('Expected a complete World Bank API v2 JSON response');
  });

  it('rejects a JSON object where the API gives an array', () => {
    const error = errorOf(() =>
      readWorldBankJson(fixtureBytes('bad/worldbank-object.json'), 'worldbank-object.json')
    );
    expect(error).toBeInstanceOf(IngestError);
    expect(error.message).toContain('worldbank-object.json (top level)');
    expect(error.message).toContain('holds a JSON object, not an array');
    expect(error.message).toContain('Expected a two-element array [page information, records]');
  });

  it('passes on the message of an API error response', () => {
    const body =
      '[{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]';
    const error = errorOf(() => readWorldBankJson(textBytes(body), 'error.json'));
    expect(error.message).toContain('error.json (element 1)');
    expect(error.message).toContain('Invalid value: The provided parameter value is not valid');
  });

  it('rejects one page of several', () => {
    const body = '[{"page":1,"pages":3,"per_page":50,"total":150},[]]';
    const error = errorOf(() => readWorldBankJson(textBytes(body), 'page.json'));
    expect(error.message).toContain('page.json (element 1, field pages)');
    expect(error.message).toContain('page 1 of 3');
  });

  const record = (fields: string) =>
    `[{"page":1,"pages":1},[{"indicator":{"id":"SP.POP.TOTL","value":"Population, total"},${fields}}]]`;

  it('rejects a country code that is neither a country nor a known group', () => {
    const body = record('"countryiso3code":"ABC","date":"2020","value":1');
    const error = errorOf(() => readWorldBankJson(textBytes(body), 'abc.json'));
    expect(error.message).toContain('abc.json (record 1, field countryiso3code)');
    expect(error.message).toContain('“ABC” is neither a country nor a known World Bank group');
  });

  it('rejects a record without a date and a value that is text', () => {
    const noDate = errorOf(() =>
      readWorldBankJson(textBytes(record('"countryiso3code":"ROU","value":1')), 'r.json')
    );
    expect(noDate.message).toContain('r.json (record 1, field date): the field date is missing');
    const textValue = errorOf(() =>
      readWorldBankJson(
        textBytes(record('"countryiso3code":"ROU","date":"2020","value":"19,265,250"')),
        'r.json'
      )
    );
    expect(textValue.message).toContain('r.json (record 1, field value)');
  });

  it('rejects a CSV without the World Bank header and a non-number cell', () => {
    const noHeader = errorOf(() => readWorldBankCsv(textBytes('a,b,c\n1,2,3\n'), 'wb.csv'));
    expect(noHeader.message).toContain('wb.csv (the first lines): not a World Bank bulk CSV');
    const badCell = errorOf(() =>
      readWorldBankCsv(
        textBytes(
          '"Country Name","Country Code","Indicator Name","Indicator Code","2018",\n' +
            '"Romania","ROU","Population, total","SP.POP.TOTL","n/a",\n'
        ),
        'wb.csv'
      )
    );
    expect(badCell.message).toContain('wb.csv (line 2, column 2018): “n/a” is not a number');
  });
});
