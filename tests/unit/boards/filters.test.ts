import { describe, expect, it } from 'vitest';
import { filtersMissed } from '../../../src/lib/boards/filters';
import type { BoardFilters } from '../../../src/lib/state/board-link';

const link = (text: string) => new URLSearchParams(text);
const period: BoardFilters = { geo: [], time: { from: '2012', to: '2018' } };
const countries: BoardFilters = { geo: ['HU'], time: null };
const none: BoardFilters = { geo: [], time: null };

describe('which charts on a board say the board’s filters do not reach them', () => {
  it('none while the board has no filter set', () => {
    expect(filtersMissed(link('programme=budget'), none, true, null)).toBeNull();
  });

  it('programme and SQL console charts, and a chart that opted out', () => {
    expect(filtersMissed(link('programme=budget'), period, false, null)).toBe('programme');
    expect(filtersMissed(link('q=SELECT+1'), period, false, null)).toBe('sql');
    expect(filtersMissed(link('ds=crim_off_cat'), period, true, ['geo'])).toBe('opted-out');
  });

  it('an explorer view whose data has no countries, only when countries are set', () => {
    expect(filtersMissed(link('ds=x'), countries, false, ['unit'])).toBe('no-geo');
    expect(filtersMissed(link('ds=x'), period, false, ['unit'])).toBeNull();
    expect(filtersMissed(link('ds=x'), countries, false, ['geo', 'unit'])).toBeNull();
  });
});
