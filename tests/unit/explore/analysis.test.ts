import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import { QueryManager } from '../../../src/lib/db/query-manager';
import { syntheticDefaults } from '../../../src/lib/explore/synthetic/pool';
import { ExploreAnalysis } from '../../../src/lib/explore/analysis.svelte';
import { ExploreState, type ExploreSources } from '../../../src/lib/explore/explore-state.svelte';
import { syntheticControl } from '../../../src/lib/indicators/synthetic-control';
import { defaultViewState } from '../../../src/lib/state/defaults';
import type { ViewState } from '../../../src/lib/state/view-state';
import { CRIME, crimeSources } from '../support/explore-sources';

const crime = CRIME;

let engine: SqlEngine;
let sources: ExploreSources;
beforeAll(async () => {
  ({ engine, sources } = await crimeSources());
}, 60_000);

const view = (iccs: string, geo: string[], patch: Partial<ViewState> = {}): ViewState => {
  const base = defaultViewState('crim_off_cat', crime);
  return {
    ...base,
    selections: { ...base.selections, iccs: [iccs], unit: ['P_HTHAB'], geo },
    ...patch
  };
};

async function analysed(state: ViewState) {
  const explore = new ExploreState(state, crime, { sources, manager: new QueryManager() });
  const analysis = new ExploreAnalysis(explore);
  await explore.follow(state, crime);
  return { explore, analysis };
}

/** Values straight from the table, by a query of this test's own. */
async function published(iccs: string, geos: string[], from: number, to: number) {
  const table = await engine.query(
    `SELECT geo, CAST(time AS INTEGER) AS year, value FROM crim_off_cat
     WHERE iccs = '${iccs}' AND unit = 'P_HTHAB' AND geo IN (${geos.map((g) => `'${g}'`).join(',')})
       AND CAST(time AS INTEGER) BETWEEN ${from} AND ${to} AND value IS NOT NULL`
  );
  return table.toArray().map((r) => ({
    unit: String(r.geo),
    period: Number(r.year),
    value: Number(r.value)
  }));
}

describe('breaks on the explorer’s line chart', () => {
  it('marks the new Criminal Code of 2014 on Romania’s burglary, not on Norway’s', async () => {
    const { analysis } = await analysed(view('ICCS0501', ['RO', 'NO']));
    expect(analysis.outlooks.find((o) => o.key === 'RO')?.breaks.map((b) => b.year)).toEqual([
      2014
    ]);
    expect(analysis.outlooks.find((o) => o.key === 'NO')?.breaks).toEqual([]);
    expect(analysis.breakMarks.map((b) => [b.x, b.kind])).toEqual([[2014, 'known']]);
    expect(analysis.notes.join(' ')).toMatch(/2014 \(new Criminal Code\)/);
  });

  it('knows the same break in panels, where a series is a country and an offence', async () => {
    const state = view('ICCS0501', ['RO', 'NO']);
    state.selections.iccs = ['ICCS0501', 'ICCS0502'];
    const { explore, analysis } = await analysed(state);
    expect(explore.ready?.plan.panelBy).toBe('iccs');
    const romania = analysis.outlooks.filter((o) => o.key.startsWith('RO'));
    expect(romania).toHaveLength(2);
    for (const outlook of romania)
      expect(
        outlook.breaks.map((b) => [b.year, b.kind]),
        outlook.key
      ).toEqual([[2014, 'known']]);
  });
});

describe('proj=1 in the explorer', () => {
  it('draws no fan without it, and one per annual series with it, from the last published year', async () => {
    expect((await analysed(view('ICCS0101', ['RO', 'NO']))).analysis.fans).toEqual([]);
    const { analysis } = await analysed(view('ICCS0101', ['RO', 'NO'], { projection: true }));
    const present = new Date().getFullYear();
    const rows = await published('ICCS0101', ['NO'], 2000, present);
    const lastNo = rows.reduce((a, b) => (b.period > a.period ? b : a));
    const fan = analysis.fans.find((f) => f.key === 'NO')!;
    expect(fan.points[0]).toMatchObject({ x: lastNo.period, value: lastNo.value });
    expect(fan.points.at(-1)?.x).toBe(present);
    const projected = analysis.exportRows.filter((r) => r.projection);
    expect(projected.length).toBe(analysis.projected.flatMap((p) => p.values).length);
    expect(projected.every((r) => Number(r.period) > 2000 && r.flag === null)).toBe(true);
  });

  it('projects Romania’s burglary from the 2014 break on, and says so', async () => {
    const { analysis } = await analysed(view('ICCS0501', ['RO'], { projection: true }));
    expect(analysis.outlooks[0].projectedFrom).toBe(2014);
    expect(analysis.notes.join(' ')).toMatch(/from 2014 on only/);
  });
});

describe('view=synthetic in the explorer', () => {
  const synthetic = (geo: string[], treated: string | null, start: string | null) =>
    view('ICCS0101', geo, {
      view: 'synthetic',
      time: { from: '2008', to: '2022' },
      synthetic: { treated, start }
    });

  it('fits the same weights as synthetic-control.ts on the same published values', async () => {
    const donors = ['BG', 'HU', 'PL', 'CZ', 'SK'];
    const { analysis } = await analysed(synthetic(['RO', ...donors], 'RO', '2014'));
    const result = analysis.synthetic;
    if (result?.kind !== 'ok' || result.analysis.control.kind !== 'ok')
      throw new Error(JSON.stringify(result));
    const expected = syntheticControl(await published('ICCS0101', ['RO', ...donors], 2008, 2022), {
      treated: 'RO',
      donors,
      firstTreatedPeriod: 2014
    });
    if (expected.kind !== 'ok') throw new Error(expected.message);
    expect(result.analysis.control.weights).toEqual(expected.weights);
    expect(result.analysis.control.meanPostGap).toBe(expected.meanPostGap);
    expect(result.analysis.placebo?.kind).toBe('ok');
    const download = analysis.exportRows;
    expect(new Set(download.map((r) => r.dimensions.find((d) => d.id === 'geo')?.code))).toEqual(
      new Set(['RO', 'synthetic'])
    );
  });

  it('takes every unit as a donor when only the treated one is chosen, leaving out those with gaps', async () => {
    const { explore, analysis } = await analysed(synthetic(['RO'], 'RO', '2014'));
    expect(explore.series.length).toBeGreaterThan(20);
    const result = analysis.synthetic;
    if (result?.kind !== 'ok' || result.analysis.control.kind !== 'ok')
      throw new Error(JSON.stringify(result));
    const { control } = result.analysis;
    expect(control.donors.length).toBeGreaterThan(10);
    for (const left of control.leftOut) expect(control.donors).not.toContain(left.unit);
  });

  it('says what is wrong with the treated unit, the start and the donors', async () => {
    const problem = async (state: ViewState) => {
      const result = (await analysed(state)).analysis.synthetic;
      return result?.kind === 'problem' ? result.message : null;
    };
    expect(await problem(synthetic(['RO', 'BG', 'HU'], null, '2014'))).toMatch(/treated unit/);
    expect(await problem(synthetic(['RO', 'BG', 'HU'], 'XX', '2014'))).toMatch(/“XX”/);
    expect(await problem(synthetic(['RO', 'BG', 'HU'], 'RO', null))).toMatch(/2010 to 2022/);
    expect(await problem(synthetic(['RO', 'BG', 'HU'], 'RO', '2009'))).toMatch(/“2009”/);
    expect(await problem(synthetic(['RO', 'BG'], 'RO', '2014'))).toMatch(/at least two donors/);
  });
});

describe('choosing the synthetic control’s tab', () => {
  it('fills in Romania and the programme’s first treated year, or a start the window allows', () => {
    expect(syntheticDefaults(view('ICCS0101', ['NO', 'RO', 'BG']), crime)).toEqual({
      synthetic: { treated: 'RO', start: '2014' }
    });
    const late = view('ICCS0101', ['NO', 'BG'], { time: { from: '2016', to: '2022' } });
    // 2016…2022: seven periods, the fifth (two thirds in) is 2020; Norway is the first chosen.
    expect(syntheticDefaults(late, crime)).toEqual({ synthetic: { treated: 'NO', start: '2020' } });
    const chosen = view('ICCS0101', ['RO'], { synthetic: { treated: 'BG', start: '2012' } });
    expect(syntheticDefaults(chosen, crime)).toEqual({
      synthetic: { treated: 'BG', start: '2012' }
    });
  });
});
