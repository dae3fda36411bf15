import { describe, expect, test } from 'vitest';
import { defaultSelections, defaultViewState } from '../../../src/lib/state/defaults';
import { testManifest } from '../support/test-manifest';
import { CRIM_OFF_CAT, FRONTEX_IBC, MIGR_EIPRE, UNODC_GLOTIP } from './fixtures';

describe('default selections', () => {
  test('crim_off_cat: homicide per 100 000, RO and NO with two comparators', () => {
    expect(defaultSelections(CRIM_OFF_CAT)).toEqual({
      freq: ['A'],
      iccs: ['ICCS0101'],
      unit: ['P_HTHAB'],
      geo: ['RO', 'NO', 'BG', 'HU']
    });
  });

  test('comparators need data; totals are TOTAL, T or a code labelled Total', () => {
    // migr_eipre: BG is not a code, HU has no data, so EU27_2020 is the first comparator.
    expect(defaultSelections(MIGR_EIPRE)).toEqual({
      citizen: ['TOTAL'],
      sex: ['T'],
      unit: ['PER'],
      geo: ['RO', 'NO', 'EU27_2020']
    });
    expect(defaultSelections(UNODC_GLOTIP)).toEqual({
      geo: ['AL'],
      indicator: ['detected_trafficking_victims'],
      category: ['total']
    });
  });

  test('otherwise the first code of each dimension', () => {
    expect(defaultSelections(FRONTEX_IBC)).toEqual({
      route: ['central_mediterranean_route'],
      border_type: ['sea'],
      citizen: ['bangladesh']
    });
  });

  test('a dataset entry whose codes the data lacks falls back to the general rule', () => {
    const renamed = testManifest({
      id: 'crim_off_cat',
      dimensions: [{ id: 'unit', codes: ['number', 'per_hundred_thousand_inhabitants'] }],
      first: '2008',
      last: '2022'
    });
    expect(defaultSelections(renamed)).toEqual({ unit: ['number'] });
  });

  test('ids that are also object properties are plain ids', () => {
    const odd = testManifest({
      id: 'constructor',
      dimensions: [{ id: 'toString', codes: ['X'] }],
      first: '2008',
      last: '2022'
    });
    expect(defaultViewState('constructor', odd).selections).toEqual({ toString: ['X'] });
  });
});
