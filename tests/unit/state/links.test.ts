import { describe, expect, it } from 'vitest';
import { readLink } from '$lib/state/links';
import { currentParams, type LinkScheme } from '$lib/state/link-version';
import { migrateParams } from '$lib/state/migrations';

const paramsOf = (href: string) => new URL(href, 'https://example.org').searchParams;

// Links as the app writes them today, and as they are pasted in partners' pages.
describe('one reader for every kind of link', () => {
  it('an explorer link of today is an explorer view, read as written', () => {
    const href =
      '/explore?ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB&geo=RO,NO,BG&time=2008..2022&view=line&v=2';
    expect(readLink(paramsOf(href))).toEqual({ kind: 'explore' });
    const { params, fromVersion, notes } = migrateParams(paramsOf(href));
    expect(fromVersion).toBe(2);
    expect(notes).toEqual([]);
    expect(params.toString()).toBe(
      'ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB&geo=RO%2CNO%2CBG&time=2008..2022&view=line'
    );
  });

  it('a SQL console link of today, without a version, opens the same query and chart', () => {
    const href =
      '/sql?q=SELECT+geo%2C+time%2C+value+FROM+crim_off_cat+WHERE+iccs+%3D+%27ICCS0101%27&chart=time,value,geo';
    expect(readLink(paramsOf(href))).toEqual({
      kind: 'sql',
      reading: {
        link: {
          query: "SELECT geo, time, value FROM crim_off_cat WHERE iccs = 'ICCS0101'",
          chart: { x: 'time', y: 'value', series: 'geo' }
        },
        problem: null
      }
    });
  });

  it('a programme chart link of today, without a version, opens the same chart', () => {
    expect(readLink(paramsOf('/embed?programme=comparator&id=theft'))).toEqual({
      kind: 'programme',
      link: { kind: 'chart', chart: { chart: 'comparator', id: 'theft' } }
    });
    expect(readLink(paramsOf('/embed?programme=budget&by=promoter'))).toEqual({
      kind: 'programme',
      link: { kind: 'chart', chart: { chart: 'budget', by: 'promoter' } }
    });
  });
});

describe('a versioned kind of link', () => {
  const scheme: LinkScheme = {
    current: 2,
    unversioned: 1,
    migrations: [
      {
        from: 1,
        migrate: (params) => {
          const query = params.get('q');
          params.delete('q');
          if (query !== null) params.set('sql', query);
        }
      }
    ]
  };

  it('runs a link without a version through every migration since its version', () => {
    expect(currentParams(scheme, new URLSearchParams('q=SELECT+1')).toString()).toBe(
      'sql=SELECT+1'
    );
  });

  it('reads a current, newer or unreadable version as the current scheme', () => {
    for (const v of ['2', '9', 'x'])
      expect(currentParams(scheme, new URLSearchParams(`sql=SELECT+1&v=${v}`)).toString()).toBe(
        'sql=SELECT+1'
      );
  });
});
