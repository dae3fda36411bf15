import { describe, expect, it } from 'vitest';
import {
  readEurostatCsvExport,
  tableCodeFromExportName
} from '../../../src/lib/ingest/eurostat-csv-export';
import { IngestError } from '../../../src/lib/ingest/types';
import { errorOf, fixtureBytes, observation, sharedBytes, textBytes } from './long-rows';

const read = (name: string) => readEurostatCsvExport(sharedBytes(`eurostat/${name}`), name);

describe('readEurostatCsvExport on the shared data-explorer files', () => {
  it('reads migr_eiord_1_Data.csv: thousands separators, d flags, EU27 of 2007', () => {
    const data = read('migr_eiord_1_Data.csv');
    expect(data.format).toBe('eurostat-csv-export');
    expect(data.tableCode).toBe('migr_eiord');
    expect(data.dimensions.map((d) => d.id)).toEqual(['geo', 'citizen', 'unit']);
    // 238 data lines, of which 18 are ":" without a flag and say nothing.
    expect(data.rowCount).toBe(220);
    // line 2: "2010","European Union (28 countries)","Total","Person","540,080","d"
    expect(observation(data, { geo: 'EU28' }, '2010')).toEqual({ value: 540080, flag: 'd' });
    // line 3: "2010","European Union (27 countries)","Total","Person","540,080","d"
    expect(observation(data, { geo: 'EU27_2007' }, '2010')).toEqual({ value: 540080, flag: 'd' });
    // line 68: "2011","Norway","Total","Person","14,540",""
    expect(observation(data, { geo: 'NO', citizen: 'total', unit: 'person' }, '2011')).toEqual({
      value: 14540,
      flag: null
    });
    // line 34: "2010","Norway","Total","Person",":","" is dropped.
    expect(() => observation(data, { geo: 'NO' }, '2010')).toThrow(/0 rows/);
    expect(data.dimensions[0].codes.get('DE')).toBe(
      'Germany (until 1990 former territory of the FRG)'
    );
  });

  it('decodes the Latin-1 by-citizenship file migr_eipre_1_Data_allcitizens.csv', () => {
    const data = read('migr_eipre_1_Data_allcitizens.csv');
    expect(data.tableCode).toBe('migr_eipre');
    expect(data.dimensions.map((d) => d.id)).toEqual(['geo', 'citizen', 'sex', 'age', 'unit']);
    // 29,580 data lines less 2,293 bare ":"; the 15 ":" flagged b stay as missing values.
    expect(data.rowCount).toBe(27287);
    const citizen = data.dimensions[1];
    expect(citizen.codes.get('cote_d_ivoire')).toBe("Côte d'Ivoire");
    expect(citizen.codes.get('sao_tome_and_principe')).toBe('São Tomé and Príncipe');
    // line 4240 (Latin-1 bytes): "2012","Romania","Côte d'Ivoire","Total","Total","Person","10",""
    expect(observation(data, { geo: 'RO', citizen: 'cote_d_ivoire' }, '2012')).toEqual({
      value: 10,
      flag: null
    });
    // line 5632: "2012","Norway","Côte d'Ivoire","Total","Total","Person","5",""
    expect(observation(data, { geo: 'NO', citizen: 'cote_d_ivoire' }, '2012').value).toBe(5);
    // line 64: "2012","European Union (28 countries)","Côte d'Ivoire",…,"1,775","d"
    expect(observation(data, { geo: 'EU28', citizen: 'cote_d_ivoire' }, '2012')).toEqual({
      value: 1775,
      flag: 'd'
    });
    // line 13751: "2014","France","Norway","Total","Total","Person",":","b"
    const flaggedGap = observation(data, { geo: 'FR', citizen: 'norway' }, '2014');
    expect(flaggedGap.value).toBeNaN();
    expect(flaggedGap.flag).toBe('b');
  });

  it('reads the other two by-citizenship files', () => {
    const refused = read('migr_eirfs_Data_allcitizenships.csv');
    expect(refused.tableCode).toBe('migr_eirfs');
    // 28,710 data lines less 1,253 bare ":".
    expect(refused.rowCount).toBe(27457);
    // line 4018: "2012","Romania","Total","Moldova","Persons refused entry","Person","875",""
    expect(observation(refused, { geo: 'RO', citizen: 'moldova' }, '2012').value).toBe(875);
    expect(refused.dimensions.find((d) => d.id === 'indic_mg')!.codes.size).toBe(1);

    const ordered = read('migr_eiord_Data_allcitizens.csv');
    expect(ordered.tableCode).toBe('migr_eiord');
    // 28,545 data lines less 2,310 bare ":".
    expect(ordered.rowCount).toBe(26235);
    // line 3995: "2012","Romania","Moldova","Person","375",""
    expect(observation(ordered, { geo: 'RO', citizen: 'moldova' }, '2012').value).toBe(375);
  });
});

describe('readEurostatCsvExport on bad input', () => {
  it('lists the GEO names it cannot match, naming file and lines', () => {
    const error = errorOf(() =>
      readEurostatCsvExport(fixtureBytes('bad/export-unknown-geo.csv'), 'export-unknown-geo.csv')
    );
    expect(error).toBeInstanceOf(IngestError);
    expect(error.message).toContain('export-unknown-geo.csv (column GEO)');
    expect(error.message).toContain('“Atlantis” (line 3), “Ruritania” (line 5)');
    expect(error.message).toContain('Expected an English country or aggregate name');
  });

  const header = '"TIME","GEO","UNIT","Value","Flag and Footnotes"';
  it.each([
    [
      'a badly grouped number',
      '"2015","Romania","Person","1,39,0",""',
      'line 2, column Value',
      '“1,39,0” is not a number'
    ],
    [
      'an unknown flag',
      '"2015","Romania","Person","1,390","q"',
      'line 2, column Flag and Footnotes',
      'unknown flag “q”'
    ],
    [
      'a period it cannot read',
      '"15","Romania","Person","1,390",""',
      'line 2, column TIME',
      '“15” is not a time period'
    ]
  ])('rejects %s', (_case, line, where, problem) => {
    const error = errorOf(() =>
      readEurostatCsvExport(textBytes(`${header}\n${line}\n`), 'bad_1_Data.csv')
    );
    expect(error.message).toContain(`bad_1_Data.csv (${where}): ${problem}`);
    expect(error.message).toContain('Expected');
  });

  it('rejects a file without the Value column', () => {
    const error = errorOf(() =>
      readEurostatCsvExport(textBytes('"TIME","GEO","UNIT"\n"2015","Romania","Person"\n'), 'x.csv')
    );
    expect(error.message).toContain('x.csv (line 1): not a Eurostat data-explorer export');
    expect(error.message).toContain('no "Value" column');
  });

  it('reads monthly periods and decimals', () => {
    const data = readEurostatCsvExport(
      textBytes(`${header}\n"2015M03","Romania","Person","1,234.5","p"\n`),
      'x.csv'
    );
    expect(data.tableCode).toBeNull();
    expect(observation(data, { geo: 'RO' }, '2015-03')).toEqual({ value: 1234.5, flag: 'p' });
  });
});

describe('tableCodeFromExportName', () => {
  it.each([
    ['migr_eiord_1_Data.csv', 'migr_eiord'],
    ['migr_eirfs_Data_allcitizenships.csv', 'migr_eirfs'],
    ['migr_eipre_1_Data_allcitizens.csv', 'migr_eipre'],
    ['downloads/demo_pjan_1_Data.csv', 'demo_pjan'],
    ['export.csv', null]
  ])('%s → %s', (name, code) => {
    expect(tableCodeFromExportName(name)).toBe(code);
  });
});
