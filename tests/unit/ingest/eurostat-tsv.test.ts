import { describe, expect, test } from 'vitest';
import { readEurostatTsv } from '../../../src/lib/ingest/eurostat-tsv';
import { cells, fixtureBytes, ingestErrorOf, sharedBytes, textBytes } from './long-rows';

/**
 * Counts the cells that are not a bare `:` the plain way (split everything), to check the
 * reader's row count against something that does not share its code.
 */
function countInformativeCells(text: string): number {
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .flatMap((line) => line.split('\t').slice(1))
    .filter((cell) => cell.trim() !== ':').length;
}

describe('readEurostatTsv on published files', () => {
  test('crim_off_cat (new header): shape, values and row count', () => {
    const bytes = sharedBytes('eurostat/estat_crim_off_cat.tsv');
    const data = readEurostatTsv(bytes, 'estat_crim_off_cat.tsv');

    expect(data.tableCode).toBe('crim_off_cat');
    expect(data.format).toBe('eurostat-tsv');
    expect(data.title).toBeNull();
    expect(data.lastUpdate).toBeNull();
    expect(data.dimensions.map((d) => d.id)).toEqual(['freq', 'iccs', 'unit', 'geo']);
    expect(data.dimensions.map((d) => d.label)).toEqual(['freq', 'iccs', 'unit', 'geo']);
    // 21 offence categories and 41 geos, counted with `cut -f1 | cut -d, -f2 | sort -u`.
    expect(data.dimensions[1].codes.size).toBe(21);
    expect(data.dimensions[3].codes.size).toBe(41);
    expect(data.dimensions[2].codes.get('NR')).toBe('NR');
    expect(data.dimensions[3].codes.get('RO')).toBe('Romania');

    const ro = { iccs: 'ICCS0101', unit: 'P_HTHAB', geo: 'RO' };
    expect(cells(data, ro, '2008')).toEqual([{ value: 2.28, flag: null }]);
    expect(cells(data, ro, '2022')).toEqual([{ value: 0.91, flag: null }]);
    expect(cells(data, { iccs: 'ICCS0101', unit: 'NR', geo: 'NO' }, '2011')).toEqual([
      { value: 111, flag: null }
    ]);

    // awk over the file: 17,474 cells hold a number, 5,896 are a bare `:`, none is flagged.
    expect(data.rowCount).toBe(17474);
    expect(data.rowCount).toBe(countInformativeCells(new TextDecoder().decode(bytes)));
    for (const column of [...data.codes, data.time, data.flag])
      expect(column).toHaveLength(data.rowCount);
    expect(data.value).toHaveLength(data.rowCount);
    expect(data.flag.every((flag) => flag === null)).toBe(true);
    expect(new Set(data.time)).toEqual(
      new Set(Array.from({ length: 15 }, (_, i) => String(2008 + i)))
    );
  });

  test('tps00001 (old header): flags, combined flags and dropped gaps', () => {
    const bytes = sharedBytes('eurostat/tps00001.tsv');
    const data = readEurostatTsv(bytes, 'tps00001.tsv');

    expect(data.tableCode).toBe('tps00001');
    expect(data.dimensions.map((d) => d.id)).toEqual(['indic_de', 'geo']);
    expect([...data.dimensions[0].codes.keys()]).toEqual(['JAN']);
    // Line 2 of the file: JAN,AD  84082  78115 b  78115  76246  :  :  71732  :  74794 e …
    expect(cells(data, { geo: 'AD' }, '2010')).toEqual([{ value: 84082, flag: null }]);
    expect(cells(data, { geo: 'AD' }, '2011')).toEqual([{ value: 78115, flag: 'b' }]);
    expect(cells(data, { geo: 'AD' }, '2018')).toEqual([{ value: 74794, flag: 'e' }]);
    expect(cells(data, { geo: 'AD' }, '2014')).toEqual([]);
    // grep 'JAN,EA18': … 338729883 bp (2019) … 339580922 ep (2021).
    expect(cells(data, { geo: 'EA18' }, '2019')).toEqual([{ value: 338729883, flag: 'bp' }]);
    expect(cells(data, { geo: 'EA18' }, '2021')).toEqual([{ value: 339580922, flag: 'ep' }]);
    expect(cells(data, { geo: 'RO' }, '2021')).toEqual([{ value: 19186201, flag: 'e' }]);

    // awk over the file: 618 cells hold a number, 42 are a bare `:`.
    expect(data.rowCount).toBe(618);
    expect(data.rowCount).toBe(countInformativeCells(new TextDecoder().decode(bytes)));
  });

  test('crim_gen_reg (2 MB, NUTS regions) parses whole', () => {
    const bytes = sharedBytes('eurostat/estat_crim_gen_reg.tsv');
    expect(bytes.length).toBe(2107224);
    const data = readEurostatTsv(bytes, 'estat_crim_gen_reg.tsv');

    expect(data.tableCode).toBe('crim_gen_reg');
    expect(data.dimensions.map((d) => d.id)).toEqual(['freq', 'unit', 'iccs', 'geo']);
    // grep -P '^A,NR,ICCS0401,RO321\t': seven `:` then 837 (2015) … 1345 (2021).
    const bucharest = { unit: 'NR', iccs: 'ICCS0401', geo: 'RO321' };
    expect(cells(data, bucharest, '2014')).toEqual([]);
    expect(cells(data, bucharest, '2015')).toEqual([{ value: 837, flag: null }]);
    expect(cells(data, bucharest, '2021')).toEqual([{ value: 1345, flag: null }]);
    // awk over the file: 216,947 cells hold a number and 92,313 are `:` (SOURCES.md agrees).
    expect(data.rowCount).toBe(216947);
  });
});

describe('readEurostatTsv on cell forms', () => {
  const header = 'freq,unit,geo\\TIME_PERIOD\t2008 \t2009 \t2010 \t2011 \t2012 \n';

  test('reads values, flags, confidential and missing cells', () => {
    const data = readEurostatTsv(
      textBytes(header + 'A,NR,RO\t470 \t78115 b\t: c\t:\t-2.28 bep\n'),
      'made_up.tsv'
    );
    expect(data.time).toEqual(['2008', '2009', '2010', '2012']);
    expect([...data.value]).toEqual([470, 78115, Number.NaN, -2.28]);
    expect(data.flag).toEqual([null, 'b', 'c', 'bep']);
    expect(data.codes).toEqual([
      ['A', 'A', 'A', 'A'],
      ['NR', 'NR', 'NR', 'NR'],
      ['RO', 'RO', 'RO', 'RO']
    ]);
  });

  test('normalises monthly and quarterly columns and takes CRLF line ends', () => {
    const monthly = readEurostatTsv(
      textBytes('unit,geo\\time\t2008M01 \t2008M12 \r\nNR,NO\t1 \t2 \r\n'),
      'made_up_m.tsv'
    );
    expect(monthly.time).toEqual(['2008-01', '2008-12']);
    expect([...monthly.value]).toEqual([1, 2]);
    const quarterly = readEurostatTsv(textBytes('geo\\time\t2008Q1\t2008Q4\nRO\t5\t6\n'), 'q.tsv');
    expect(quarterly.time).toEqual(['2008-Q1', '2008-Q4']);
  });

  test('lists only codes that reach a row, and series whose cells are all `:` leave none', () => {
    const data = readEurostatTsv(
      textBytes('unit,geo\\time\t2020\t2021\nNR,RO\t: \t:\nNR,NO\t3 \t: \n'),
      'gaps.tsv'
    );
    expect(data.rowCount).toBe(1);
    expect([...data.dimensions[1].codes.keys()]).toEqual(['NO']);
  });

  test('derives the table code from the usual file names only', () => {
    const body = textBytes('geo\\time\t2020\nRO\t1\n');
    expect(readEurostatTsv(body, 'downloads/estat_crim_off_cat.tsv').tableCode).toBe(
      'crim_off_cat'
    );
    expect(readEurostatTsv(body, 'crim_off_cat.tsv.gz').tableCode).toBe('crim_off_cat');
    expect(readEurostatTsv(body, 'TPS00001.tsv').tableCode).toBe('tps00001');
    expect(readEurostatTsv(body, 'my data.tsv').tableCode).toBeNull();
  });
});

describe('readEurostatTsv on bad input', () => {
  function readBad(name: string) {
    return ingestErrorOf(() => readEurostatTsv(fixtureBytes(`bad/${name}`), name));
  }

  test('an empty file', () => {
    const error = readBad('empty.tsv');
    expect(error.message).toMatch(/^empty\.tsv.*empty/);
  });

  test('an HTML page saved as .tsv', () => {
    const error = readBad('html-page.tsv');
    expect(error.message).toMatch(/^html-page\.tsv.*not a Eurostat TSV.*HTML/);
    expect(error.expected).toMatch(/TIME_PERIOD/);
  });

  test('a binary file', () => {
    expect(readBad('binary.tsv').message).toMatch(/^binary\.tsv.*binary/);
  });

  test('a ragged row names the line and both counts', () => {
    const error = readBad('ragged.tsv');
    expect(error.message).toMatch(/^ragged\.tsv.*line 3.*3 cells.*header has 4/);
    expect(error.location).toBe('line 3');
  });

  test('an unknown flag names the line, the year and the letters allowed', () => {
    const error = readBad('unknown-flag.tsv');
    expect(error.message).toMatch(/^unknown-flag\.tsv.*line 3, column 3 \(2011.*unknown flag “x”/);
    expect(error.expected).toMatch(/b, c, d, e/);
  });

  test('a first line without the backslash is no Eurostat header', () => {
    const error = ingestErrorOf(() =>
      readEurostatTsv(textBytes('freq,unit,geo\t2020\t2021\nA,NR,RO\t1\t2\n'), 'plain.tsv')
    );
    expect(error.message).toMatch(/^plain\.tsv \(line 1\): not a Eurostat TSV/);
    expect(error.expected).toMatch(/backslash/);
  });

  test('a word where a number belongs', () => {
    const error = ingestErrorOf(() =>
      readEurostatTsv(textBytes('geo\\time\t2020\t2021\nRO\t1\tabc\n'), 'words.tsv')
    );
    expect(error.message).toMatch(/^words\.tsv \(line 2, column 3 \(2021.*“abc” is not a number/);
  });

  test('a row key with the wrong number of codes', () => {
    const error = ingestErrorOf(() =>
      readEurostatTsv(textBytes('unit,geo\\time\t2020\nNR,RO\t1\nRO\t2\n'), 'keys.tsv')
    );
    expect(error.message).toMatch(/^keys\.tsv \(line 3\).*1 code where the header names 2/);
  });

  test('a column heading that is no period', () => {
    const error = ingestErrorOf(() =>
      readEurostatTsv(textBytes('geo\\time\t2020\tTotal\nRO\t1\t2\n'), 'h.tsv')
    );
    expect(error.message).toMatch(/^h\.tsv \(line 1, column 3\).*“Total” is not a time period/);
  });
});
