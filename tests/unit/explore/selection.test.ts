import { describe, expect, it } from 'vitest';
import {
  fixedChoiceLabels,
  groupCodes,
  ignoredChoices,
  panelDimension,
  queryFilters,
  searchCodes,
  seriesDimension,
  toggleCode
} from '../../../src/lib/explore/selection';
import { testManifest } from '../support/test-manifest';

const crime = testManifest({
  id: 'crim_off_cat',
  dimensions: [
    { id: 'freq', codes: ['A'] },
    {
      id: 'iccs',
      codes: [
        ['ICCS0101', 'Intentional homicide'],
        ['ICCS0501', 'Burglary']
      ]
    },
    {
      id: 'unit',
      codes: [
        ['NR', 'Number'],
        ['P_HTHAB', 'Per hundred thousand inhabitants']
      ]
    },
    {
      id: 'geo',
      codes: [
        ['RO', 'Romania'],
        ['NO', 'Norway'],
        ['BG', 'Bulgaria'],
        ['ÅX', 'Åland']
      ]
    }
  ],
  first: '2008',
  last: '2022'
});
const frontex = testManifest({
  id: 'frontex_ibc',
  dimensions: [
    { id: 'route', codes: ['central', 'eastern'] },
    { id: 'citizen', codes: ['SY', 'AF', 'IQ'] }
  ],
  first: '2009-01',
  last: '2025-04'
});

describe('seriesDimension', () => {
  it('is geo unless another dimension alone has several codes', () => {
    expect(seriesDimension(crime, { iccs: ['ICCS0101'], geo: ['RO', 'NO'] })).toBe('geo');
    expect(seriesDimension(crime, { iccs: ['ICCS0101'], geo: ['RO'] })).toBe('geo');
    expect(seriesDimension(crime, { iccs: ['ICCS0101', 'ICCS0501'], geo: ['RO'] })).toBe('iccs');
    expect(seriesDimension(crime, { iccs: ['ICCS0101', 'ICCS0501'], geo: ['RO', 'NO'] })).toBe(
      'geo'
    );
  });

  it('without geo, takes the dimension with several codes chosen, else the first with several', () => {
    expect(seriesDimension(frontex, { route: ['central'], citizen: ['SY', 'AF'] })).toBe('citizen');
    expect(seriesDimension(frontex, { route: ['central'], citizen: ['SY'] })).toBe('route');
  });
});

describe('queryFilters and ignoredChoices', () => {
  it('keep every series code and the first code of the other dimensions', () => {
    const selections = {
      freq: ['A'],
      iccs: ['ICCS0501', 'ICCS0101'],
      unit: ['P_HTHAB'],
      geo: ['RO', 'NO']
    };
    expect(queryFilters(crime, selections, 'geo')).toEqual({
      freq: ['A'],
      iccs: ['ICCS0501'],
      unit: ['P_HTHAB'],
      geo: ['RO', 'NO']
    });
    expect(ignoredChoices(crime, selections, 'geo').map((d) => d.id)).toEqual(['iccs']);
  });
});

describe('panelDimension and queryFilters', () => {
  const two = {
    freq: ['A'],
    iccs: ['ICCS0101', 'ICCS0501'],
    unit: ['P_HTHAB', 'NR'],
    geo: ['RO', 'NO']
  };

  it('makes panels of the first other dimension with several codes', () => {
    expect(panelDimension(crime, two, 'geo')).toBe('iccs');
    expect(panelDimension(crime, { ...two, iccs: ['ICCS0101'] }, 'geo')).toBe('unit');
    expect(panelDimension(crime, { ...two, iccs: ['ICCS0101'], unit: ['NR'] }, 'geo')).toBeNull();
  });

  it('queries every code of the series and panel dimensions and the first of a third', () => {
    const filters = queryFilters(crime, two, 'geo', 'iccs');
    expect(filters).toEqual({
      freq: ['A'],
      iccs: ['ICCS0101', 'ICCS0501'],
      unit: ['P_HTHAB'],
      geo: ['RO', 'NO']
    });
    expect(ignoredChoices(crime, two, 'geo', 'iccs').map((d) => d.id)).toEqual(['unit']);
    // The title names the panels' codes together and the fixed ones singly.
    expect(fixedChoiceLabels(crime, filters, 'geo', 'iccs')).toEqual([
      'Intentional homicide, Burglary',
      'Per hundred thousand inhabitants'
    ]);
  });
});

describe('toggleCode', () => {
  const base = { freq: ['A'], iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: ['RO', 'NO'] };

  it('adds and removes codes in the dimension that already has several', () => {
    expect(toggleCode(crime, base, 'geo', 'BG').geo).toEqual(['RO', 'NO', 'BG']);
    expect(toggleCode(crime, base, 'geo', 'NO').geo).toEqual(['RO']);
  });

  it('lets a second dimension take several codes while the first has several', () => {
    // Four countries ticked, then a second offence: both offences stay (issue 16, item 0).
    const four = { ...base, geo: ['RO', 'NO', 'BG', 'ÅX'] };
    const next = toggleCode(crime, four, 'iccs', 'ICCS0501');
    expect(next.iccs).toEqual(['ICCS0101', 'ICCS0501']);
    expect(next.geo).toEqual(['RO', 'NO', 'BG', 'ÅX']);
    // And with two offences ticked, ticking a country adds it.
    expect(toggleCode(crime, next, 'geo', 'BG').geo).toEqual(['RO', 'NO', 'ÅX']);
    expect(toggleCode(crime, { ...next, geo: ['RO'] }, 'geo', 'NO').geo).toEqual(['RO', 'NO']);
  });

  it('replaces the code of a third dimension while two have several', () => {
    const two = { ...base, iccs: ['ICCS0101', 'ICCS0501'] };
    expect(toggleCode(crime, two, 'unit', 'NR').unit).toEqual(['NR']);
    expect(toggleCode(crime, two, 'unit', 'NR').iccs).toEqual(['ICCS0101', 'ICCS0501']);
  });

  it('lets a second dimension take several codes once the first has one', () => {
    const one = { ...base, geo: ['RO'] };
    expect(toggleCode(crime, one, 'iccs', 'ICCS0501').iccs).toEqual(['ICCS0101', 'ICCS0501']);
  });

  it('never removes the last code', () => {
    expect(toggleCode(crime, base, 'iccs', 'ICCS0101').iccs).toEqual(['ICCS0101']);
  });

  it('does not change the selections it was given', () => {
    toggleCode(crime, base, 'geo', 'BG');
    expect(base.geo).toEqual(['RO', 'NO']);
  });
});

describe('searchCodes', () => {
  const geo = crime.dimensions[3];

  it('matches code or label, ignoring case and accents', () => {
    expect(searchCodes(geo.codes, 'ro', null, 10).shown.map((c) => c.code)).toEqual(['RO']);
    expect(searchCodes(geo.codes, 'aland', null, 10).shown.map((c) => c.code)).toEqual(['ÅX']);
    expect(searchCodes(geo.codes, 'NORW', null, 10).shown.map((c) => c.code)).toEqual(['NO']);
  });

  it('lists codes without data last and never returns more than the limit', () => {
    const withData = new Set(['NO', 'BG']);
    expect(searchCodes(geo.codes, '', withData, 10).shown.map((c) => c.code)).toEqual([
      'NO',
      'BG',
      'RO',
      'ÅX'
    ]);
    const many = Array.from({ length: 1682 }, (_, i) => ({
      code: `R${i}`,
      label: `Region ${i}`,
      rows: 1
    }));
    const found = searchCodes(many, 'region', null, 60);
    expect(found.shown).toHaveLength(60);
    expect(found.total).toBe(1682);
  });
});

describe('groups and labels', () => {
  it('groupCodes keeps the codes the dataset has, in the group order', () => {
    expect(groupCodes(crime.dimensions[3], ['NO', 'XX', 'RO'])).toEqual(['NO', 'RO']);
  });

  it('fixedChoiceLabels names the held codes, skipping one-code dimensions and the series', () => {
    const filters = { freq: ['A'], iccs: ['ICCS0501'], unit: ['NR'], geo: ['RO'] };
    expect(fixedChoiceLabels(crime, filters, 'geo')).toEqual(['Burglary', 'Number']);
  });
});
