import { readFileSync } from 'node:fs';
import path from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import {
  COUNTRY_GROUPS,
  GEO_LABELS,
  ISO3_WITHOUT_GEO,
  geoCodeFromIso3,
  geoCodeFromName,
  geoLabel
} from '../../../src/lib/reference/geo';
import { SHARED_DATASETS } from './long-rows';

/** A shared file as text, read here without the app's decoder: UTF-8, else Latin-1. */
function sharedText(relativePath: string): string {
  const bytes = readFileSync(path.join(SHARED_DATASETS, relativePath));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** Distinct values of a column of CSV text whose first line is the header. */
function distinctValues(csv: string, column: string): Set<string> {
  const rows = csvParseRows(csv);
  const index = rows[0].indexOf(column);
  if (index === -1) throw new Error(`no ${column} column`);
  return new Set(rows.slice(1).map((row) => row[index]));
}

/** Distinct values of a column of a shared CSV file. */
function distinctColumn(relativePath: string, column: string): Set<string> {
  return distinctValues(sharedText(relativePath), column);
}

const LABEL_FILES: [string, string][] = [
  ['eurostat/country_population.csv', 'geo'],
  ['eurostat/estat_crim_just_ctz_en.csv', 'geo'],
  ['eurostat/migrants_illegally_present.csv', 'geo'],
  ['eurostat/migrants_refused_entry_at_the_border.csv', 'geo'],
  ['eurostat/migr_eiord_1_Data.csv', 'GEO'],
  ['eurostat/migr_eiord_Data_allcitizens.csv', 'GEO'],
  ['eurostat/migr_eipre_1_Data_allcitizens.csv', 'GEO'],
  ['eurostat/migr_eirfs_Data_allcitizenships.csv', 'GEO']
];

describe('geoCodeFromName', () => {
  it.each(LABEL_FILES)('maps every geo name of %s, one name per code', (file, column) => {
    const names = distinctColumn(file, column);
    const unmatched = [...names].filter((name) => geoCodeFromName(name) === null);
    expect(unmatched).toEqual([]);
    const codes = [...names].map((name) => geoCodeFromName(name));
    expect(new Set(codes).size).toBe(names.size);
  });

  it('knows the 60 distinct geo names of the label files', () => {
    const all = new Set(LABEL_FILES.flatMap(([file, column]) => [...distinctColumn(file, column)]));
    expect(all.size).toBe(60);
  });

  it.each([
    ['European Union - 27 countries (from 2020)', 'EU27_2020'],
    ['European Union - 28 countries (2013-2020)', 'EU28'],
    ['European Union (28 countries)', 'EU28'],
    // In the 2018 exports this is EU28 less Croatia: 2013 = 426,095 = 430,450 − 4,355.
    ['European Union (27 countries)', 'EU27_2007'],
    ['Euro area – 20 countries (from 2023)', 'EA20'],
    ['European Free Trade Association', 'EFTA'],
    ['Germany (until 1990 former territory of the FRG)', 'DE'],
    ['Germany', 'DE'],
    ['Kosovo (under United Nations Security Council Resolution 1244/99)', 'XK'],
    ['Kosovo*', 'XK'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['Czechia', 'CZ'],
    ['Czech Republic', 'CZ'],
    ['North Macedonia', 'MK'],
    ['former Yugoslav Republic of Macedonia, the', 'MK'],
    ['Greece', 'EL'],
    ['United Kingdom', 'UK'],
    ['England and Wales', 'UKC-L'],
    ['Scotland (NUTS 2021)', 'UKM'],
    ['Northern Ireland (UK) (NUTS 2021)', 'UKN'],
    ['  romania ', 'RO'],
    ['Moldova', 'MD'],
    ['Russia', 'RU'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d’Ivoire', 'CI']
  ])('%s → %s', (name, code) => {
    expect(geoCodeFromName(name)).toBe(code);
  });

  it('maps the citizenship names of the by-citizenship exports, bar totals and continents', () => {
    const citizens = new Set(
      LABEL_FILES.filter(([file]) => file.includes('_Data_all')).flatMap(([file]) => [
        ...distinctColumn(file, 'CITIZEN')
      ])
    );
    expect(citizens.size).toBe(175);
    const unmatched = [...citizens].filter((name) => geoCodeFromName(name) === null).sort();
    expect(unmatched).toEqual(['America', 'Oceania', 'Total']);
  });

  it('gives every label back its own code', () => {
    for (const [code, label] of Object.entries(GEO_LABELS))
      expect(geoCodeFromName(label), label).toBe(code);
  });

  it('returns null for a name it does not know', () => {
    expect(geoCodeFromName('Atlantis')).toBeNull();
    expect(geoCodeFromName('')).toBeNull();
  });
});

describe('geoLabel', () => {
  /** Country-level and aggregate geo codes of the code-based shared files. */
  function codesInFiles(): Set<string> {
    const codes = new Set<string>();
    for (const file of [
      'eurostat/estat_crim_off_cat.tsv',
      'eurostat/tps00001.tsv',
      'eurostat/estat_crim_gen_reg.tsv'
    ])
      for (const line of sharedText(file).split('\n').slice(1)) {
        const key = line.split('\t')[0];
        const geo = key.slice(key.lastIndexOf(',') + 1).trim();
        // crim_gen_reg also holds NUTS 1-3 regions, which are not in the table.
        if (geo !== '' && (!file.includes('gen_reg') || geo.length === 2)) codes.add(geo);
      }
    const jsonstat = JSON.parse(sharedText('eurostat/migr_eipre.json'));
    for (const code of Object.keys(jsonstat.dimension.geo.category.index)) codes.add(code);
    return codes;
  }

  it('labels every country and aggregate code of the TSV and JSON-stat files', () => {
    const codes = codesInFiles();
    expect(codes.has('UKC-L')).toBe(true);
    expect(codes.has('EU27_2007')).toBe(true);
    expect([...codes].filter((code) => !(code in GEO_LABELS))).toEqual([]);
  });

  it('matches the labels of migr_eipre.json', () => {
    const jsonstat = JSON.parse(sharedText('eurostat/migr_eipre.json'));
    for (const [code, label] of Object.entries(jsonstat.dimension.geo.category.label))
      expect(geoCodeFromName(label as string), `${code} ${label}`).toBe(code);
  });

  it('labels codes and falls back to the code', () => {
    expect(geoLabel('RO')).toBe('Romania');
    expect(geoLabel('EL')).toBe('Greece');
    expect(geoLabel('UKN')).toBe('Northern Ireland');
    expect(geoLabel('RO321')).toBe('RO321');
  });
});

describe('geoCodeFromIso3', () => {
  it.each([
    ['ROU', 'RO'],
    ['NOR', 'NO'],
    ['GRC', 'EL'],
    ['GBR', 'UK'],
    ['XKX', 'XK'],
    ['USA', 'US'],
    ['CIV', 'CI'],
    ['rou', 'RO'],
    // UNODC's codes for the three UK jurisdictions in the CTS workbooks.
    ['GBR_E_W', 'UKC-L'],
    ['GBR_S', 'UKM'],
    ['GBR_NI', 'UKN']
  ])('%s → %s', (iso3, code) => {
    expect(geoCodeFromIso3(iso3)).toBe(code);
  });

  it.each(['WLD', 'EUU', 'ECS', 'EMU', 'CHI', 'IRQ_C', 'ABC', ''])('%s → null', (iso3) => {
    expect(geoCodeFromIso3(iso3)).toBeNull();
  });

  it('knows every code of both World Bank files, as a country or as a group', () => {
    const json = JSON.parse(sharedText('worldbank/wb_SP_POP_TOTL.json'));
    const fromJson = json[1].map((r: { countryiso3code: string }) => r.countryiso3code);
    // The bulk CSV has four metadata lines above its header.
    const csv = sharedText('worldbank/API_SP.POP.TOTL_DS2_en_csv_v2_887275.csv');
    const fromCsv = distinctValues(csv.split('\n').slice(4).join('\n'), 'Country Code');
    const codes = new Set<string>([...fromJson, ...fromCsv].filter((code) => code !== ''));
    const unknown = [...codes].filter(
      (code) => geoCodeFromIso3(code) === null && !ISO3_WITHOUT_GEO.has(code)
    );
    expect(unknown).toEqual([]);
    expect([...codes].filter((code) => geoCodeFromIso3(code) !== null)).toHaveLength(216);
  });
});

describe('COUNTRY_GROUPS', () => {
  it('holds the EU27, Schengen in 2025, Romania’s neighbours and the programme pair', () => {
    expect(COUNTRY_GROUPS.EU27).toHaveLength(27);
    expect(COUNTRY_GROUPS.SCHENGEN).toHaveLength(29);
    for (const code of ['RO', 'BG', 'HR', 'NO', 'IS', 'LI', 'CH'])
      expect(COUNTRY_GROUPS.SCHENGEN).toContain(code);
    for (const code of ['IE', 'CY', 'UK', 'MD'])
      expect(COUNTRY_GROUPS.SCHENGEN).not.toContain(code);
    expect(COUNTRY_GROUPS.RO_NEIGHBOURS).toEqual(['BG', 'HU', 'MD', 'RS', 'UA']);
    expect(COUNTRY_GROUPS.PROGRAMME_PAIR).toEqual(['RO', 'NO']);
    for (const codes of Object.values(COUNTRY_GROUPS))
      for (const code of codes) expect(GEO_LABELS[code], code).toBeDefined();
  });
});
