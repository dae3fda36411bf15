import type { DatasetManifest } from '../../../src/lib/model/manifest';
import { crimOffCatManifest, testManifest } from '../support/test-manifest';

/** Manifests shaped like the shipped ones, with codes as the readers produce them. */
export const CRIM_OFF_CAT = crimOffCatManifest();

/** Monthly, no countries: the Frontex workbook. */
export const FRONTEX_IBC = testManifest({
  id: 'frontex_ibc',
  title: 'Monthly detections of illegal border-crossing',
  dimensions: [
    {
      id: 'route',
      label: 'Route',
      codes: ['central_mediterranean_route', 'eastern_borders_route', 'western_balkan_route']
    },
    { id: 'border_type', label: 'Border type', codes: ['sea', 'land'] },
    { id: 'citizen', label: 'Citizenship', codes: ['bangladesh', 'eritrea', 'syria'] }
  ],
  first: '2009-01',
  last: '2025-04'
});

/** Eurostat migration table: totals coded TOTAL and T; EU27_2020 has data, HU has none. */
export const MIGR_EIPRE = testManifest({
  id: 'migr_eipre',
  dimensions: [
    { id: 'citizen', label: 'Country of citizenship', codes: ['AF', 'SY', 'TOTAL'] },
    {
      id: 'sex',
      label: 'Sex',
      codes: [
        ['F', 'Females'],
        ['M', 'Males'],
        ['T', 'Total']
      ]
    },
    { id: 'unit', label: 'Unit of measure', codes: [['PER', 'Person']] },
    {
      id: 'geo',
      label: 'Geopolitical entity (reporting)',
      codes: ['AT', 'EU27_2020', 'HU', 'NO', 'RO']
    }
  ],
  first: '2008',
  last: '2023',
  geo: ['AT', 'EU27_2020', 'NO', 'RO']
});

/** UNODC workbook: slug codes, a “Total” label, no Eurostat totals. */
export const UNODC_GLOTIP = testManifest({
  id: 'unodc_glotip',
  dimensions: [
    { id: 'geo', codes: ['AL', 'MD', 'UA'] },
    {
      id: 'indicator',
      codes: [
        ['detected_trafficking_victims', 'Detected trafficking victims'],
        ['persons_convicted', 'Persons convicted']
      ]
    },
    {
      id: 'category',
      codes: [
        ['ukraine', 'Ukraine'],
        ['total', 'Total']
      ]
    }
  ],
  first: '2010',
  last: '2022'
});

export const MANIFESTS: DatasetManifest[] = [CRIM_OFF_CAT, FRONTEX_IBC, MIGR_EIPRE, UNODC_GLOTIP];
export const ALL_IDS = [...MANIFESTS.map((m) => m.id), 'demo_gind'];

export function manifestFor(id: string): DatasetManifest | null {
  return MANIFESTS.find((m) => m.id === id) ?? null;
}
