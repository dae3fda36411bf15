import { readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/lib/ingest/detect';
import { IngestError } from '../../../src/lib/ingest/types';
import { errorOf, fixtureBytes, sharedBytes, textBytes } from './long-rows';

const detect = (relativePath: string) =>
  detectFormat(sharedBytes(relativePath), path.basename(relativePath));

describe('detectFormat on the published files', () => {
  it.each([
    ['eurostat/estat_crim_off_cat.tsv', 'eurostat-tsv'],
    ['eurostat/tps00001.tsv', 'eurostat-tsv'],
    ['eurostat/migr_eipre.json', 'jsonstat'],
    ['eurostat/country_population.csv', 'sdmx-csv'],
    ['eurostat/estat_crim_just_ctz_en.csv', 'sdmx-csv'],
    ['eurostat/migrants_illegally_present.csv', 'sdmx-csv'],
    ['eurostat/migr_eiord_1_Data.csv', 'eurostat-csv-export'],
    ['eurostat/migr_eirfs_Data_allcitizenships.csv', 'eurostat-csv-export'],
    ['worldbank/wb_SP_POP_TOTL.json', 'worldbank-json'],
    ['worldbank/API_SP.POP.TOTL_DS2_en_csv_v2_887275.csv', 'worldbank-csv'],
    ['unodc/data_glotip.xlsx', 'unodc-xlsx'],
    ['unodc/data_cts_corruption_and_economic_crime.xlsx', 'unodc-xlsx'],
    ['frontex/ibc.xlsx', 'frontex-xlsx']
  ])('%s is %s', (file, format) => {
    expect(detect(file)).toBe(format);
  });

  it('goes by the content, not the name', () => {
    const tsv = sharedBytes('eurostat/tps00001.tsv');
    expect(detectFormat(tsv, 'download.csv')).toBe('eurostat-tsv');
    expect(detectFormat(sharedBytes('frontex/ibc.xlsx'), 'data.bin')).toBe('frontex-xlsx');
    // A CSV saved under an .xlsx name is a CSV.
    expect(detectFormat(fixtureBytes('bad/csv-named-xlsx.xlsx'), 'csv-named-xlsx.xlsx')).toBe(
      'csv'
    );
  });

  it('asks for unpacking of gzip, and sees a Parquet file by its signature', () => {
    expect(detectFormat(gzipSync(sharedBytes('eurostat/tps00001.tsv')), 'tps00001.tsv.gz')).toBe(
      'gzip'
    );
    const parquet = textBytes('PAR1 made-up body PAR1');
    expect(detectFormat(parquet, 'x.parquet')).toBe('parquet');
  });

  it('calls a table with a header of its own a plain CSV', () => {
    expect(detectFormat(textBytes('country;year;count\nRO;2020;5\n'), 'mine.csv')).toBe('csv');
    expect(detectFormat(textBytes('country\t2019\t2020\nRO\t4\t5\n'), 'wide.tsv')).toBe('csv');
  });
});

describe('detectFormat on bad input says what it saw', () => {
  const message = (bytes: Uint8Array, name: string) =>
    errorOf(() => detectFormat(bytes, name)).message;

  it('rejects empty, binary, markup, UTF-16, PDF and cut Parquet files by name', () => {
    expect(message(fixtureBytes('bad/empty.tsv'), 'empty.tsv')).toBe(
      'empty.tsv: the file is empty. Expected a data file.'
    );
    expect(message(fixtureBytes('bad/binary.tsv'), 'binary.tsv')).toMatch(
      /^binary\.tsv \(first bytes\): unknown format: the file is binary/
    );
    expect(message(fixtureBytes('bad/html-page.tsv'), 'html-page.tsv')).toMatch(
      /^html-page\.tsv \(line 1\): unknown format: the file is an HTML or XML page/
    );
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00]);
    expect(message(utf16, 'u.csv')).toMatch(/wrong encoding: the file is UTF-16/);
    expect(message(textBytes('%PDF-1.7 …'), 'report.csv')).toMatch(/a PDF document/);
    expect(message(textBytes('PAR1 cut off'), 'cut.parquet')).toMatch(/Parquet file is truncated/);
  });

  it('names the first line of text it does not know', () => {
    const error = errorOf(() => detectFormat(textBytes('just one line of prose\n'), 'notes.txt'));
    expect(error).toBeInstanceOf(IngestError);
    expect(error.message).toContain('“just one line of prose” is not the header of any format');
  });

  it('rejects JSON that is neither JSON-stat nor World Bank', () => {
    expect(message(textBytes('{"hello": "world"}'), 'x.json')).toMatch(/neither JSON-stat/);
  });

  it('hands the other bad fixtures to the reader their content points to', () => {
    const formats = Object.fromEntries(
      readdirSync(path.resolve('tests/fixtures/bad'))
        .filter((name) => !['empty.tsv', 'binary.tsv', 'html-page.tsv'].includes(name))
        .map((name) => [name, detectFormat(fixtureBytes(`bad/${name}`), name)])
    );
    expect(formats).toMatchObject({
      'export-unknown-geo.csv': 'eurostat-csv-export',
      'ragged.tsv': 'eurostat-tsv',
      'sdmx-missing-obs-value.csv': 'sdmx-csv',
      'sdmx-unknown-flag.csv': 'sdmx-csv',
      'size-mismatch.json': 'jsonstat',
      'truncated.json': 'jsonstat',
      'unknown-flag.tsv': 'eurostat-tsv',
      'worldbank-object.json': 'worldbank-json',
      'worldbank-truncated.json': 'worldbank-json'
    });
  });
});
