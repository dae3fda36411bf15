import type { DatasetManifest } from '../../../src/lib/model/manifest';
import { COUNTRY_GROUPS } from '../../../src/lib/reference/geo';

export interface TestDimension {
  id: string;
  label?: string;
  /** Codes, or [code, label] pairs where the label matters to the test. */
  codes: (string | [string, string])[];
}

/** Every period from `first` to `last` in the frequency of `first`. */
function periodsBetween(first: string, last: string): string[] {
  const periods: string[] = [];
  if (first.length === 4) {
    for (let year = Number(first); year <= Number(last); year++) periods.push(String(year));
    return periods;
  }
  const quarterly = first[5] === 'Q';
  const perYear = quarterly ? 4 : 12;
  const toIndex = (p: string) =>
    Number(p.slice(0, 4)) * perYear + Number(quarterly ? p[6] : p.slice(5, 7)) - 1;
  for (let i = toIndex(first); i <= toIndex(last); i++) {
    const year = Math.floor(i / perYear);
    const within = (i % perYear) + 1;
    periods.push(quarterly ? `${year}-Q${within}` : `${year}-${String(within).padStart(2, '0')}`);
  }
  return periods;
}

/** A manifest with what the state and query code read; the rest is filled plainly. */
export function testManifest(options: {
  id: string;
  title?: string;
  dimensions: TestDimension[];
  first: string;
  last: string;
  /** Geo codes with data; all geo codes when left out. */
  geo?: string[];
}): DatasetManifest {
  const dimensions = options.dimensions.map((d) => ({
    id: d.id,
    label: d.label ?? d.id,
    codes: d.codes.map((c) => {
      const [code, label] = typeof c === 'string' ? [c, c] : c;
      return { code, label, rows: 1 };
    })
  }));
  const geo = dimensions.find((d) => d.id === 'geo');
  const frequency =
    options.first.length === 4 ? 'annual' : options.first[5] === 'Q' ? 'quarterly' : 'monthly';
  return {
    id: options.id,
    title: options.title ?? options.id,
    publisher: 'Eurostat',
    tableCode: options.id,
    licence: 'CC BY 4.0',
    sources: [],
    combination: null,
    lastUpdate: null,
    dimensions,
    time: {
      frequency,
      first: options.first,
      last: options.last,
      periods: periodsBetween(options.first, options.last)
    },
    geo: options.geo ?? geo?.codes.map((c) => c.code) ?? [],
    rowCount: 0,
    flagCounts: {},
    caveats: [],
    file: `${options.id}.arrow`,
    bytes: 0,
    origin: 'shipped'
  };
}

/** Codes of estat_crim_off_cat.tsv (first column of the file, in file order). */
export const CRIM_OFF_CAT_ICCS = [
  'ICCS0101',
  'ICCS0102',
  'ICCS020111',
  'ICCS020221',
  'ICCS0301',
  'ICCS03011',
  'ICCS03012',
  'ICCS0302',
  'ICCS030221',
  'ICCS0401',
  'ICCS0501',
  'ICCS05012',
  'ICCS0502',
  'ICCS05021',
  'ICCS0601',
  'ICCS0701',
  'ICCS0703',
  'ICCS07031',
  'ICCS07041',
  'ICCS0903',
  'ICCS09051'
];
/** Geo codes of estat_crim_off_cat.tsv: the EU27 and fourteen other European places, sorted. */
export const CRIM_OFF_CAT_GEO = [
  ...COUNTRY_GROUPS.EU27,
  ...['AL', 'BA', 'CH', 'IS', 'LI', 'ME', 'MK', 'NO', 'RS', 'TR', 'UKC-L', 'UKM', 'UKN', 'XK']
].sort();

/** crim_off_cat as the build describes it from estat_crim_off_cat.tsv. */
export function crimOffCatManifest(): DatasetManifest {
  return testManifest({
    id: 'crim_off_cat',
    title: 'Recorded offences by offence category – police data',
    dimensions: [
      { id: 'freq', label: 'Time frequency', codes: [['A', 'Annual']] },
      { id: 'iccs', label: 'Offence', codes: CRIM_OFF_CAT_ICCS },
      {
        id: 'unit',
        label: 'Unit of measure',
        codes: [
          ['NR', 'Number'],
          ['P_HTHAB', 'Per hundred thousand inhabitants']
        ]
      },
      { id: 'geo', label: 'Geopolitical entity (reporting)', codes: CRIM_OFF_CAT_GEO }
    ],
    first: '2008',
    last: '2022'
  });
}

/** A dataset without countries, as Frontex publishes by route: nothing to put per inhabitant. */
export function frontexRouteManifest(): DatasetManifest {
  return testManifest({
    id: 'frontex_ibc',
    title: 'Monthly detections of illegal border-crossing',
    dimensions: [{ id: 'route', codes: ['western_balkan_route'] }],
    first: '2009-01',
    last: '2025-04'
  });
}
