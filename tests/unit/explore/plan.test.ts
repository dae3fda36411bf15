import { describe, expect, it } from 'vitest';
import { planExplore, queryKey } from '../../../src/lib/explore/plan';
import { defaultViewState } from '../../../src/lib/state/defaults';
import type { ViewState } from '../../../src/lib/state/view-state';
import { testManifest } from '../support/test-manifest';

const crime = testManifest({
  id: 'crim_off_cat',
  dimensions: [
    { id: 'iccs', codes: ['ICCS0101', 'ICCS0501'] },
    {
      id: 'unit',
      codes: [
        ['NR', 'Number'],
        ['P_HTHAB', 'Per hundred thousand inhabitants']
      ]
    },
    { id: 'geo', codes: ['RO', 'NO', 'BG'] }
  ],
  first: '2008',
  last: '2022'
});
const population = testManifest({
  id: 'demo_gind',
  dimensions: [
    { id: 'indic_de', codes: ['JAN'] },
    { id: 'geo', codes: ['RO', 'NO'] }
  ],
  first: '2003',
  last: '2024'
});

const state = (patch: Partial<ViewState>): ViewState => ({
  ...defaultViewState('crim_off_cat', crime),
  ...patch
});

describe('planExplore', () => {
  it('queries the window with geo as series', () => {
    const plan = planExplore(state({ time: { from: '2010', to: '2020' } }), crime, null);
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.seriesBy).toBe('geo');
    expect(plan.request).toMatchObject({ timeFrom: '2010', timeTo: '2020', seriesBy: 'geo' });
    expect([plan.from, plan.to]).toEqual(['2010', '2020']);
    expect(plan.spec).toEqual({ kind: 'none' });
  });

  it('spans every period when the state has no window', () => {
    const plan = planExplore(state({ transform: 'change' }), crime, null);
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.spec).toEqual({ kind: 'change', periods: { from: '2008', to: '2022' } });
  });

  it('uses the published rate where there is one and population only for counts', () => {
    const published = planExplore(state({ transform: 'rate' }), crime, population);
    if ('error' in published) throw new Error(published.error);
    expect(published.needsPopulation).toBe(false);

    const counts = testManifest({
      id: 'migr_eipre',
      dimensions: [
        { id: 'unit', codes: [['PER', 'Person']] },
        { id: 'geo', codes: ['RO', 'NO'] }
      ],
      first: '2010',
      last: '2023'
    });
    const computed = planExplore(
      { ...defaultViewState('migr_eipre', counts), transform: 'rate' },
      counts,
      population
    );
    if ('error' in computed) throw new Error(computed.error);
    expect(computed.needsPopulation).toBe(true);
  });

  it('refuses to compare two periods in a one-period window, as a value', () => {
    const plan = planExplore(
      state({ transform: 'cagr', time: { from: '2020', to: '2020' } }),
      crime,
      null
    );
    expect(plan).toHaveProperty('error');
  });

  it('uses the base period of the state for the index', () => {
    const plan = planExplore(state({ transform: 'index', base: '2015' }), crime, null);
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.spec).toEqual({ kind: 'index', base: '2015' });
  });
});

describe('queryKey', () => {
  const key = (patch: Partial<ViewState>) => queryKey('crim_off_cat', state(patch));

  it('is the same for a change of chart type or scale, which redraw the same numbers', () => {
    expect(key({ view: 'bars', scale: 'log' })).toBe(key({ view: 'line', scale: 'linear' }));
  });

  it('differs for every choice the query reads', () => {
    const keys = [
      key({}),
      queryKey('other', state({})),
      key({ selections: { ...state({}).selections, geo: ['RO'] } }),
      key({ time: { from: '2010', to: '2020' } }),
      key({ transform: 'index', base: '2008' }),
      key({ transform: 'index', base: '2010' })
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
