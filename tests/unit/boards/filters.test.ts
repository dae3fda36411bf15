import { describe, expect, it } from 'vitest';
import {
  filtersCanReach,
  filtersMissed,
  programmeReach,
  yearWindow
} from '../../../src/lib/boards/filters';
import type { BoardFilters } from '../../../src/lib/state/board-link';

const period: BoardFilters = { geo: [], time: { from: '2012', to: '2018' } };
const countries: BoardFilters = { geo: ['HU'], time: null };
const both: BoardFilters = { geo: ['HU'], time: { from: '2012', to: '2018' } };
const none: BoardFilters = { geo: [], time: null };
const budget = programmeReach({ kind: 'chart', chart: { chart: 'budget', by: 'project' } });
const trend = programmeReach({ kind: 'chart', chart: { chart: 'indicator', id: 'x' } });

describe('which charts on a board say the board’s filters do not reach them', () => {
  it('none while the board has no filter set, and none while a chart’s columns are not known', () => {
    expect(filtersMissed('programme', none, true, budget)).toBeNull();
    expect(filtersMissed('sql', period, false, null)).toBeNull();
  });

  it('a chart that opted out, whatever it has', () => {
    expect(filtersMissed('explorer', period, true, { geo: true, time: true })).toBe('opted-out');
  });

  it('a programme budget reaches none; an indicator’s chart the period, not the countries', () => {
    expect(filtersMissed('programme', period, false, budget)).toBe('programme');
    expect(filtersMissed('programme', period, false, trend)).toBeNull();
    expect(filtersMissed('programme', both, false, trend)).toBe('programme-geo');
  });

  it('a SQL chart by the columns its result has', () => {
    expect(filtersMissed('sql', both, false, { geo: false, time: false })).toBe('sql');
    expect(filtersMissed('sql', both, false, { geo: false, time: true })).toBe('sql-geo');
    expect(filtersMissed('sql', both, false, { geo: true, time: false })).toBe('sql-time');
    expect(filtersMissed('sql', countries, false, { geo: true, time: false })).toBeNull();
    expect(filtersMissed('sql', period, false, 'unwrappable')).toBe('sql-statement');
  });

  it('an explorer view whose data has no countries, only when countries are set', () => {
    expect(filtersMissed('explorer', countries, false, { geo: false, time: true })).toBe('no-geo');
    expect(filtersMissed('explorer', period, false, { geo: false, time: true })).toBeNull();
    expect(filtersMissed('explorer', countries, false, { geo: true, time: true })).toBeNull();
  });
});

describe('which charts offer to ignore the board’s filters', () => {
  it('every chart some filter can reach, not a programme budget or timeline', () => {
    const can = (link: string) => filtersCanReach(new URLSearchParams(link));
    expect(can('programme=budget')).toBe(false);
    expect(can('programme=timeline')).toBe(false);
    expect(can('programme=comparator&id=theft')).toBe(true);
    expect(can('q=SELECT+1')).toBe(true);
    expect(can('ds=crim_off_cat')).toBe(true);
  });
});

describe('the years a board’s period lets a programme chart draw', () => {
  it('are those the window overlaps', () => {
    expect(yearWindow({ from: '2012', to: '2018' })).toEqual({ from: 2012, to: 2018 });
    expect(yearWindow({ from: '2012-Q3', to: '2018-02' })).toEqual({ from: 2012, to: 2018 });
    expect(yearWindow(null)).toBeNull();
  });
});
