import { describe, expect, it } from 'vitest';
import { readPlainCsv } from '../../../src/lib/ingest/plain-csv';
import { suggestMapping, type ColumnMapping } from '../../../src/lib/ingest/column-mapping';
import { rawTsvCell } from '../../support/raw';
import { errorOf, observation, textBytes } from './long-rows';

// A table as a Romanian office might write it: NUTS 3 codes under `cod_nuts`, the county's
// name beside them, and two measures side by side. Every number is the published one.
const REGIONAL = 'eurostat/estat_crim_gen_reg.tsv';
const COUNTIES: [string, string][] = [
  ['RO321', 'București'],
  ['RO111', 'Bihor'],
  ['RO424', 'Timiș']
];
const YEARS = ['2020', '2021'];
const published = (iccs: string, geo: string, year: string) => {
  const cell = rawTsvCell(REGIONAL, `A,NR,${iccs},${geo}`, year);
  if (cell === null || !/^\d+$/.test(cell)) throw new Error(`${iccs} ${geo} ${year}: ${cell}`);
  return cell;
};
const csv = [
  'cod_nuts,judet,an,talharii,furturi',
  ...COUNTIES.flatMap(([code, name]) =>
    YEARS.map(
      (year) =>
        `${code},${name},${year},${published('ICCS0401', code, year)},${published('ICCS0502', code, year)}`
    )
  )
].join('\n');

const MAPPING: ColumnMapping = {
  layout: 'long',
  time: 'an',
  value: 'talharii',
  flag: null,
  dimensions: ['cod_nuts'],
  geo: 'cod_nuts',
  labels: { cod_nuts: 'judet' },
  moreValues: ['furturi']
};

describe('naming the roles of columns', () => {
  it('guesses cod_nuts as the places', () => {
    expect(suggestMapping(['cod_nuts', 'judet', 'an', 'value']).geo).toBe('cod_nuts');
  });

  it('reads the places, their labels and two value columns as one dataset', () => {
    const data = readPlainCsv(textBytes(csv), 'judete.csv', MAPPING);
    expect(data.dimensions.map((d) => d.id)).toEqual(['geo', 'indicator']);
    const geo = data.dimensions[0];
    expect([...geo.codes]).toEqual(COUNTIES);
    expect([...data.dimensions[1].codes]).toEqual([
      ['talharii', 'talharii'],
      ['furturi', 'furturi']
    ]);
    expect(data.rowCount).toBe(COUNTIES.length * YEARS.length * 2);
    for (const [code] of COUNTIES)
      for (const year of YEARS) {
        expect(observation(data, { geo: code, indicator: 'talharii' }, year).value).toBe(
          Number(published('ICCS0401', code, year))
        );
        expect(observation(data, { geo: code, indicator: 'furturi' }, year).value).toBe(
          Number(published('ICCS0502', code, year))
        );
      }
  });

  it('without the places named, the column keeps its own id', () => {
    const data = readPlainCsv(textBytes(csv), 'judete.csv', { ...MAPPING, geo: null });
    expect(data.dimensions[0].id).toBe('cod_nuts');
  });

  it('refuses a flag column with several value columns, and a label column of no dimension', () => {
    expect(
      errorOf(() =>
        readPlainCsv(textBytes(csv), 'judete.csv', { ...MAPPING, flag: 'judet', labels: {} })
      ).message
    ).toContain('a flag column cannot say which of several value columns it flags');
    expect(
      errorOf(() =>
        readPlainCsv(textBytes(csv), 'judete.csv', { ...MAPPING, labels: { an: 'judet' } })
      ).message
    ).toContain('“an” is named as places or given labels but is no dimension');
  });
});
