import { describe, expect, it } from 'vitest';
import { programmeChartHref, readProgrammeChart } from '$lib/state/programme-chart';

const read = (query: string) => readProgrammeChart(new URLSearchParams(query));

describe('readProgrammeChart', () => {
  it('is null for an explorer link', () => {
    expect(read('ds=crim_off_cat&geo=RO,NO&view=line&v=1')).toBeNull();
  });

  it('reads each programme chart, forgiving case and spaces', () => {
    expect(read('programme=budget')).toEqual({
      kind: 'chart',
      chart: { chart: 'budget', by: 'project' }
    });
    expect(read('programme=Budget&by=PROMOTER')).toEqual({
      kind: 'chart',
      chart: { chart: 'budget', by: 'promoter' }
    });
    expect(read('programme=budget&by=nonsense')).toEqual({
      kind: 'chart',
      chart: { chart: 'budget', by: 'project' }
    });
    expect(read('programme=%20timeline%20')).toEqual({
      kind: 'chart',
      chart: { chart: 'timeline' }
    });
    expect(read('programme=indicator&id=fraud')).toEqual({
      kind: 'chart',
      chart: { chart: 'indicator', id: 'fraud' }
    });
    expect(read('programme=Comparator&id=fraud')).toEqual({
      kind: 'chart',
      chart: { chart: 'comparator', id: 'fraud' }
    });
  });

  it('names an unknown chart, cut short', () => {
    expect(read(`programme=${'x'.repeat(100)}`)).toEqual({ kind: 'unknown', name: 'x'.repeat(40) });
    expect(read('programme=')).toEqual({ kind: 'unknown', name: '' });
  });
});

describe('programmeChartHref', () => {
  it('writes links that read back as the same chart', () => {
    for (const chart of [
      { chart: 'budget', by: 'project' },
      { chart: 'budget', by: 'promoter' },
      { chart: 'timeline' },
      { chart: 'indicator', id: 'foreign-suspects-norway' },
      { chart: 'comparator', id: 'foreign-suspects-norway' }
    ] as const) {
      const href = programmeChartHref(chart, 'embed');
      expect(href.startsWith('/embed?programme=')).toBe(true);
      expect(read(href.split('?')[1])).toEqual({ kind: 'chart', chart });
    }
    expect(programmeChartHref({ chart: 'budget', by: 'project' }, 'embed')).toBe(
      '/embed?programme=budget'
    );
  });

  it('points each chart at the page that shows it in full', () => {
    expect(programmeChartHref({ chart: 'comparator', id: 'theft' }, 'page')).toBe(
      '/programme/indicator/theft#comparator-theft'
    );
    expect(programmeChartHref({ chart: 'budget', by: 'promoter' }, 'page')).toBe(
      '/programme#budget-promoters'
    );
    expect(programmeChartHref({ chart: 'timeline' }, 'page')).toBe('/programme#timeline');
    expect(programmeChartHref({ chart: 'indicator', id: 'a b' }, 'page')).toBe(
      '/programme/indicator/a%20b'
    );
  });
});
