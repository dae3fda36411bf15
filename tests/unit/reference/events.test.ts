import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SHIPPED_EVENTS } from '../../../src/lib/reference/events';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const manifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8'));
const datasets: { id: string; dimensions: { id: string; codes: { code: string }[] }[] }[] =
  Array.isArray(manifest) ? manifest : manifest.datasets;

describe('shipped events', () => {
  it('each names a real date, an official source and the charts it concerns', () => {
    expect(SHIPPED_EVENTS.length).toBeGreaterThan(0);
    for (const event of SHIPPED_EVENTS) {
      expect(event.date, event.id).toMatch(ISO_DATE);
      expect(Number.isNaN(Date.parse(event.date)), event.id).toBe(false);
      if (event.until) expect(event.until > event.date, event.id).toBe(true);
      expect(event.source.url, event.id).toMatch(/^https:\/\/\S+$/);
      expect(event.source.title.trim(), event.id).not.toBe('');
      expect(event.text.en.trim(), event.id).not.toBe('');
      expect(event.text.ro.trim(), event.id).not.toBe('');
      // Every dataset, dimension and code it names is one the app ships.
      for (const id of event.concerns.datasets) {
        const dataset = datasets.find((d) => d.id === id);
        expect(dataset, `${event.id}: ${id}`).toBeDefined();
        for (const [dimension, codes] of Object.entries(event.concerns.codes)) {
          const known = dataset!.dimensions
            .find((d) => d.id === dimension)
            ?.codes.map((c) => c.code);
          expect(known, `${event.id}: ${id}.${dimension}`).toBeDefined();
          for (const code of codes) expect(known, `${event.id}: ${code}`).toContain(code);
        }
      }
    }
    expect(new Set(SHIPPED_EVENTS.map((e) => e.id)).size).toBe(SHIPPED_EVENTS.length);
  });

  it('dates Romania in Schengen, the 22 July attacks and the programme period as their sources do', () => {
    const dates = (prefix: string) => [
      ...new Set(SHIPPED_EVENTS.filter((e) => e.id.startsWith(prefix)).map((e) => e.date))
    ];
    expect(dates('schengen-ro-air-sea')).toEqual(['2024-03-31']);
    expect(dates('schengen-ro-land')).toEqual(['2025-01-01']);
    expect(dates('no-22-july')).toEqual(['2011-07-22']);
    const framework = JSON.parse(readFileSync('datasets/programme/ro21.json', 'utf8'));
    const period = SHIPPED_EVENTS.find((e) => e.id === 'ro21-programme-period')!;
    expect([period.date, period.until]).toEqual([
      framework.programme.approved,
      framework.programme.eligibleUntil
    ]);
    expect(framework.programme.sources).toContain(period.source.url);
  });
});
