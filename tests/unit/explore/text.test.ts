import { describe, expect, it } from 'vitest';
import { parseUserGroups, withGroup, withoutGroup } from '../../../src/lib/explore/user-groups';
import {
  distinctNotes,
  formatPercentChange,
  formatPointsChange,
  periodRange,
  summaryParts
} from '../../../src/lib/explore/text';
import { formatComputed, lowerInitial } from '../../../src/lib/i18n/format';
import type { ChartSeries } from '../../../src/lib/charts/types';

const plain = (value: number) => String(value);

describe('text', () => {
  it('formats a change as a signed percentage', () => {
    expect(formatPercentChange(-60.09)).toBe('−60 %');
    expect(formatPercentChange(168.1)).toBe('+168 %');
    expect(formatPercentChange(2.345)).toBe('+2.3 %');
    expect(formatPercentChange(0)).toBe('0 %');
  });

  it('summarises a series by its first and last value', () => {
    const series: ChartSeries[] = [
      {
        key: 'RO',
        label: 'Romania',
        color: '#000',
        points: [
          { period: '2008', x: 2008, value: 2.28, flag: null },
          { period: '2015', x: 2015, value: null, flag: null },
          { period: '2022', x: 2022, value: 0.91, flag: null }
        ]
      }
    ];
    expect(summaryParts(series, plain)).toEqual([
      {
        key: 'RO',
        label: 'Romania',
        first: '2.28',
        firstPeriod: '2008',
        last: '0.91',
        lastPeriod: '2022',
        change: '−60 %'
      }
    ]);
  });

  it('says a change in whole percent even when the values are shown with two decimals', () => {
    // Türkiye's robbery rate, 3-period average, crim_off_cat: 12.37 in 2011, 15.95 in 2022.
    const averaged: ChartSeries[] = [
      {
        key: 'TR',
        label: 'Türkiye',
        color: '#000',
        points: [
          { period: '2011', x: 2011, value: 12.37, flag: null },
          { period: '2022', x: 2022, value: 15.95, flag: null }
        ]
      }
    ];
    const twoDecimals = (value: number) => value.toFixed(2);
    expect(summaryParts(averaged, twoDecimals)[0].change).toBe('+29 %');
  });

  it('says the change of a series of percentages in points, with one minus sign', () => {
    const yoy: ChartSeries[] = [
      {
        key: 'RO',
        label: 'Romania',
        color: '#000',
        points: [
          { period: '2009', x: 2009, value: 12.53, flag: null },
          { period: '2022', x: 2022, value: -2.18, flag: null }
        ]
      }
    ];
    const [summary] = summaryParts(yoy, (v) => formatComputed(v, 2), 'points');
    // 12.53 % to −2.18 % is 14.71 points down, not the −117 % a change in % would say.
    expect(summary.last).toBe('\u22122.18');
    expect(summary.change).toBe('\u221214.71 percentage points');
    expect(formatPointsChange(3.5, plain)).toBe('+3.5 percentage points');
    expect(`${summary.last} ${summary.change}`).not.toContain('-');
  });

  it('writes ranges, lower-cases a title word but not an acronym, dedupes notes', () => {
    expect(periodRange('2008', '2022')).toBe('2008–2022');
    expect(periodRange('2022', '2022')).toBe('2022');
    expect(lowerInitial('Per hundred thousand inhabitants')).toBe(
      'per hundred thousand inhabitants'
    );
    expect(lowerInitial('PER')).toBe('PER');
    expect(distinctNotes(['a', null, 'a', 'b', 'c'], 2)).toEqual({ shown: ['a', 'b'], more: 1 });
  });
});

describe('user groups', () => {
  it('reads only named lists of code-shaped strings', () => {
    const stored = JSON.stringify([
      { name: ' Balkans ', codes: ['BG', 'RS', 'BG', '<script>'] },
      { name: 'empty', codes: [] },
      { name: 42, codes: ['RO'] },
      'junk'
    ]);
    expect(parseUserGroups(stored)).toEqual([{ name: 'Balkans', codes: ['BG', 'RS'] }]);
    expect(parseUserGroups('{not json')).toEqual([]);
    expect(parseUserGroups('{"name":"x"}')).toEqual([]);
    expect(parseUserGroups(null)).toEqual([]);
  });

  it('replaces a group of the same name and removes by name', () => {
    const groups = withGroup([{ name: 'A', codes: ['RO'] }], { name: 'A', codes: ['NO'] });
    expect(groups).toEqual([{ name: 'A', codes: ['NO'] }]);
    expect(withoutGroup(groups, 'A')).toEqual([]);
  });
});
