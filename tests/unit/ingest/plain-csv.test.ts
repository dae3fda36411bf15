import { describe, expect, it } from 'vitest';
import {
  readPlainCsv,
  sniffDelimiter,
  sniffPlainCsv,
  splitLine
} from '../../../src/lib/ingest/plain-csv';
import { suggestMapping, type ColumnMapping } from '../../../src/lib/ingest/column-mapping';
import { errorOf, fixtureBytes, observation, sharedBytes, textBytes } from './long-rows';

const SDMX_AS_PLAIN: ColumnMapping = {
  layout: 'long',
  time: 'TIME_PERIOD',
  value: 'OBS_VALUE',
  flag: 'OBS_FLAG',
  dimensions: ['indic_de', 'geo']
};

describe('sniffing a table', () => {
  it('finds the delimiter that splits the header the most, outside quotes', () => {
    expect(sniffDelimiter('a,b,c')).toBe(',');
    expect(sniffDelimiter('a;b;"c,d"')).toBe(';');
    expect(sniffDelimiter('a\tb\tc,d')).toBe('\t');
  });

  it('splits quoted cells with delimiters and doubled quotes', () => {
    expect(splitLine('"2010","European Union (28 countries)","540,080","d"', ',', 'f', 2)).toEqual([
      '2010',
      'European Union (28 countries)',
      '540,080',
      'd'
    ]);
    expect(splitLine('a,"say ""hi""",c', ',', 'f', 2)).toEqual(['a', 'say "hi"', 'c']);
    expect(errorOf(() => splitLine('a,"open', ',', 'f.csv', 7)).message).toBe(
      'f.csv (line 7): a quoted cell is not closed before the end of the line. Expected every opening quote closed on the same line.'
    );
  });

  it('reads the header and first rows of a published file', () => {
    const table = sniffPlainCsv(sharedBytes('eurostat/country_population.csv'), 'pop.csv');
    expect(table.delimiter).toBe(',');
    expect(table.header).toEqual([
      'DATAFLOW',
      'LAST UPDATE',
      'freq',
      'indic_de',
      'geo',
      'TIME_PERIOD',
      'OBS_VALUE',
      'OBS_FLAG',
      'CONF_STATUS'
    ]);
    expect(table.sample[0]).toEqual([
      'ESTAT:DEMO_GIND(1.0)',
      '27/03/25 23:00:00',
      'Annual',
      'Population on 1 January - total',
      'Andorra',
      '2003',
      '67159',
      '',
      ''
    ]);
    expect(table.sample).toHaveLength(5);
  });

  it('suggests long form from column names and wide form from period headings', () => {
    expect(suggestMapping(['geo', 'Year', 'Value', 'flag'])).toEqual({
      layout: 'long',
      time: 'Year',
      value: 'Value',
      flag: 'flag',
      dimensions: ['geo'],
      geo: 'geo'
    });
    expect(suggestMapping(['country', 'unit', '2019', '2020'])).toEqual({
      layout: 'wide',
      time: null,
      value: null,
      flag: null,
      dimensions: ['country', 'unit'],
      geo: 'country'
    });
  });
});

describe('readPlainCsv on published files', () => {
  it('reads country_population.csv mapped by hand, names turned into geo codes', () => {
    const data = readPlainCsv(
      sharedBytes('eurostat/country_population.csv'),
      'country_population.csv',
      SDMX_AS_PLAIN
    );
    expect(data.format).toBe('csv');
    expect(data.rowCount).toBe(1093);
    expect(data.dimensions.map((d) => d.id)).toEqual(['indic_de', 'geo']);
    // line 881: …,Population on 1 January - total,Romania,2008,20635460,,
    expect(observation(data, { geo: 'RO' }, '2008')).toEqual({ value: 20635460, flag: null });
    expect(observation(data, { geo: 'EU27_2020' }, '2014')).toEqual({
      value: 442266046,
      flag: 'be'
    });
    expect(data.dimensions[1].codes.get('RO')).toBe('Romania');
  });

  it('reads the Latin-1 export with quoted thousands as a plain table', () => {
    const data = readPlainCsv(
      sharedBytes('eurostat/migr_eirfs_Data_allcitizenships.csv'),
      'migr_eirfs_Data_allcitizenships.csv',
      {
        layout: 'long',
        time: 'TIME',
        value: 'Value',
        flag: 'Flag and Footnotes',
        dimensions: ['GEO', 'REASON', 'CITIZEN', 'INDIC_MG', 'UNIT']
      }
    );
    const citizen = data.dimensions.find((d) => d.id === 'citizen')!;
    // Latin-1 bytes decoded, not replaced by U+FFFD.
    expect([...citizen.codes.values()].some((label) => label.includes('Côte'))).toBe(true);
    expect([...citizen.codes.values()].some((label) => label.includes('\uFFFD'))).toBe(false);
    expect(data.rowCount).toBeGreaterThan(20000);
  });
});

describe('readPlainCsv on made-up tables', () => {
  it('reads a wide table, one row per period column, flags written after values', () => {
    const csv = 'country;offence;2019;2020;2021\nRO;theft;1234,5;: c;7 p\nNO;theft;3;4;\n';
    const data = readPlainCsv(textBytes(csv), 'wide.csv', {
      layout: 'wide',
      time: null,
      value: null,
      flag: null,
      dimensions: ['country', 'offence']
    });
    expect(data.rowCount).toBe(5);
    expect(observation(data, { country: 'RO' }, '2019')).toEqual({ value: 1234.5, flag: null });
    expect(observation(data, { country: 'RO' }, '2020').flag).toBe('c');
    expect(observation(data, { country: 'RO' }, '2021')).toEqual({ value: 7, flag: 'p' });
    expect(data.tableCode).toBeNull();
  });

  it('reads quoted cells that hold line breaks, and counts lines as the file has them', () => {
    // Written by a spreadsheet: CRLF between records, a bare LF or a CRLF inside a cell.
    const csv = [
      'geo,offence,year,value',
      'RO,"Theft,\nall kinds",2020,"1.5"',
      'NO,"Theft,\r\nall kinds",2020,3',
      'RO,"Said ""no""\n\nthen left",2021,4',
      'NO,Fraud,2021,bad'
    ].join('\r\n');
    const mapping: ColumnMapping = {
      layout: 'long',
      time: 'year',
      value: 'value',
      flag: null,
      dimensions: ['geo', 'offence']
    };
    const table = sniffPlainCsv(textBytes(csv), 'breaks.csv');
    expect(table.sample[0]).toEqual(['RO', 'Theft,\nall kinds', '2020', '1.5']);
    expect(table.sample).toHaveLength(4);
    // The last line's bad value is reported on the line the file shows it on: 9.
    expect(errorOf(() => readPlainCsv(textBytes(csv), 'breaks.csv', mapping)).message).toMatch(
      /^breaks\.csv \(line 9, column value\): “bad” is not a number/
    );
    const data = readPlainCsv(textBytes(csv.replace(',bad', ',5')), 'breaks.csv', mapping);
    expect(data.rowCount).toBe(4);
    // Labels that are not codes get codes of their own; the label keeps its line breaks.
    const offences = data.dimensions.find((d) => d.id === 'offence')!.codes;
    const code = (label: string) => [...offences].find(([, l]) => l === label)?.[0] as string;
    expect(offences.size).toBe(3);
    const theft = code('Theft,\nall kinds');
    expect(observation(data, { geo: 'RO', offence: theft }, '2020').value).toBe(1.5);
    expect(observation(data, { geo: 'NO', offence: theft }, '2020').value).toBe(3);
    expect(
      observation(data, { geo: 'RO', offence: code('Said "no"\n\nthen left') }, '2021').value
    ).toBe(4);
    expect(
      errorOf(() =>
        readPlainCsv(textBytes('geo,offence,year,value\nRO,x,2020,"1\n'), 'open.csv', mapping)
      ).message
    ).toBe(
      'open.csv (line 2): a quoted cell is not closed before the end of the file. Expected every opening quote closed.'
    );
  });

  it('names file, line and column for bad cells, unknown columns and duplicates', () => {
    const mapping: ColumnMapping = {
      layout: 'long',
      time: 'year',
      value: 'value',
      flag: null,
      dimensions: ['geo']
    };
    const read =
      (text: string, m = mapping) =>
      () =>
        readPlainCsv(textBytes(text), 'mine.csv', m);
    expect(errorOf(read('geo,year,value\nRO,2020,abc\n')).message).toBe(
      'mine.csv (line 2, column value): “abc” is not a number. Expected a number such as 1234 or 2.28 (optionally followed by a flag, as in 2.28 p), or an empty cell, : or .. when missing.'
    );
    expect(errorOf(read('geo,year,value\nRO,20X0,1\n')).message).toMatch(
      /^mine\.csv \(line 2, column year\): “20X0” is not a time period/
    );
    expect(errorOf(read('geo,year,value\nRO,2020\n')).message).toMatch(
      /line 2\): the line has 2 cells but the header has 3/
    );
    expect(errorOf(read('geo,year,value\nRO,2020,1\nRO,2020,2\n')).message).toMatch(
      /^mine\.csv \(line 3\): the observation for RO, 2020 occurs twice \(also at line 2\)/
    );
    expect(
      errorOf(read('geo,year,value\nRO,2020,1\n', { ...mapping, dimensions: ['country'] })).message
    ).toMatch(/unknown columns: “country” are not in the header/);
  });

  it('rejects the bad fixtures a plain table can be made of', () => {
    const mapping = suggestMapping(['Iso3_code', 'Country', 'Indicator', 'Year', 'VALUE']);
    const data = readPlainCsv(fixtureBytes('bad/csv-named-xlsx.xlsx'), 'x.xlsx', mapping);
    expect(data.rowCount).toBe(1);
    expect(
      errorOf(() => readPlainCsv(fixtureBytes('bad/empty.tsv'), 'empty.tsv', mapping)).message
    ).toBe('empty.tsv: the file is empty. Expected a data file.');
  });

  it('reads many rows, duplicates checked without a key string per row', () => {
    const lines = ['geo,iccs,unit,time,value,flag'];
    const geos = ['RO', 'NO', 'BG', 'HU', 'PL'];
    for (let i = 0; i < 400_000; i++)
      lines.push(
        `${geos[i % 5]},ICCS${Math.floor(i / 5) % 4000},NR,${2000 + Math.floor(i / 20000)},${i},`
      );
    const data = readPlainCsv(
      textBytes(lines.join('\n')),
      'big.csv',
      suggestMapping(lines[0].split(','))
    );
    expect(data.rowCount).toBe(400_000);
  });
});
