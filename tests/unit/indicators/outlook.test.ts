import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import { comparatorGeos } from '../../../src/lib/indicators/comparator-group';
import { valuesByGeo } from '../../../src/lib/indicators/evaluate';
import type { StatisticIndicator } from '../../../src/lib/indicators/framework';
import { parseFramework } from '../../../src/lib/indicators/framework-check';
import { defaultFirstTreatedYear, indicatorOutlook } from '../../../src/lib/indicators/outlook';
import { indicatorSeriesRequest } from '../../../src/lib/query/indicator';
import { observationsFromTable, seriesSql } from '../../../src/lib/query/series';
import { startNodeEngine } from '../support/node-engine';

const parsed = parseFramework(readFileSync('datasets/programme/ro21.json', 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const framework = parsed.framework;

function statistic(id: string): StatisticIndicator {
  const found = framework.indicators.find((i) => i.id === id);
  if (found?.kind !== 'statistic') throw new Error(`${id} is not a statistic indicator`);
  return found;
}

let engine: SqlEngine;

beforeAll(async () => {
  engine = await startNodeEngine();
  for (const table of ['crim_off_cat', 'migr_eipre'])
    await engine.insertArrowIpc(table, readFileSync(`datasets/${table}.arrow`));
});

/** The outlook as the programme page computes it, from the same query the page runs. */
async function outlookOf(id: string, target?: { year: number; value: number }) {
  const indicator = {
    ...statistic(id),
    target: target ? { ...target, origin: 'evaluator' } : null
  };
  const geos = comparatorGeos(indicator.comparator, indicator.binding.geo);
  const request = indicatorSeriesRequest({
    dataset: indicator.binding.dataset,
    filters: indicator.binding.filters,
    geos: [indicator.binding.geo, ...geos]
  });
  const rows = observationsFromTable(await engine.query(seriesSql(request)));
  const own = rows.filter((r) => r.series === indicator.binding.geo);
  return indicatorOutlook({
    indicator: indicator as StatisticIndicator,
    framework,
    rows: own,
    byGeo: valuesByGeo(rows),
    comparatorGeos: geos,
    presentYear: 2026
  });
}

/** Romania's value straight from the table, by another query than the page's. */
async function published(iccs: string, year: number): Promise<number> {
  const table = await engine.query(
    `SELECT value FROM crim_off_cat WHERE geo = 'RO' AND iccs = '${iccs}' AND unit = 'P_HTHAB' AND time = '${year}'`
  );
  return Number(table.getChild('value')?.get(0));
}

describe('burglary in Romania: a known break decides what is compared', () => {
  it('names the new Criminal Code of 2014 and projects from 2014 on', async () => {
    const outlook = await outlookOf('burglary');
    expect(outlook.breaks.map((b) => [b.year, b.kind])).toEqual([[2014, 'known']]);
    expect(outlook.projectedFrom).toBe(2014);
    expect(outlook.spans.projection).toEqual([]);
    // The status compares 2012 with the latest year, across the break; the page says so.
    expect(outlook.spans.status.map((b) => b.year)).toEqual([2014]);
    expect(outlook.spans.beforeAfter.map((b) => b.year)).toEqual([2014]);
  });

  it('projects the last published value forward (the random walk), with a fan around it', async () => {
    const { projection } = (await outlookOf('burglary')).projection;
    if (projection.kind !== 'projected') throw new Error(projection.kind);
    const last2022 = await published('ICCS0501', 2022);
    expect(projection.values.map((v) => v.year)).toEqual([2023, 2024, 2025, 2026]);
    for (const v of projection.values) {
      expect(v.value).toBeCloseTo(last2022, 6);
      expect(v.lower95).toBeLessThan(v.lower80);
      expect(v.lower80).toBeLessThan(v.value);
      expect(v.upper80).toBeGreaterThan(v.value);
      expect(v.upper95).toBeGreaterThan(v.upper80);
    }
    // The fan widens with the horizon.
    const widths = projection.values.map((v) => v.upper95 - v.lower95);
    expect([...widths].sort((a, b) => a - b)).toEqual(widths);
  });

  it('gives a target a verdict with its probability, in the desired direction', async () => {
    const last = await published('ICCS0501', 2022);
    const easy = (await outlookOf('burglary', { year: 2026, value: last * 3 })).projection.outlook;
    const hard = (await outlookOf('burglary', { year: 2026, value: last / 3 })).projection.outlook;
    expect(easy).toMatchObject({ kind: 'projected', verdict: 'likely' });
    expect(hard).toMatchObject({ kind: 'projected', verdict: 'unlikely' });
    if (easy?.kind !== 'projected' || hard?.kind !== 'projected') throw new Error('no verdict');
    expect(easy.probability).toBeGreaterThan(hard.probability);
  });

  it('builds a synthetic Romania from its comparator countries from the year after approval', async () => {
    const { synthetic } = await outlookOf('burglary');
    expect(defaultFirstTreatedYear(framework)).toBe(2014);
    expect(synthetic.spec.firstTreatedYear).toBe(2014);
    const control = synthetic.control;
    if (control.kind !== 'ok') throw new Error(control.message);
    const sum = control.weights.reduce((s, w) => s + w.weight, 0);
    expect(sum).toBeCloseTo(1, 9);
    expect(control.weights.every((w) => w.weight >= 0)).toBe(true);
    expect(control.donors.every((d) => synthetic.spec.donors.includes(d))).toBe(true);
    // Romania's own values are the treated values, as published.
    const row2016 = control.rows.find((r) => r.period === 2016);
    expect(row2016?.treated).toBe(await published('ICCS0501', 2016));
    // The first treated year is the break year: the estimate spans it.
    expect(synthetic.spans.map((b) => b.year)).toEqual([2014]);
    if (synthetic.placebo?.kind !== 'ok') throw new Error('no placebo');
    expect(synthetic.placebo.pValue).toBeCloseTo(
      synthetic.placebo.rank / (synthetic.placebo.runs.filter((r) => r.ratio !== null).length + 1),
      12
    );
  });
});

describe('third-country nationals found in Romania: a possible break too late to stand on', () => {
  it('keeps the whole series for the projection and says which break it spans', async () => {
    const outlook = await outlookOf('illegally-present-romania');
    const possible = outlook.breaks.filter((b) => b.kind === 'possible').map((b) => b.year);
    expect(possible).toEqual([2021]);
    expect(outlook.projectedFrom).toBeNull();
    expect(outlook.projection.projection.kind).toBe('projected');
    expect(outlook.spans.projection.map((b) => b.year)).toEqual([2021]);
  });
});
