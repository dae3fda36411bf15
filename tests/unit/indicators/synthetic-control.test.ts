import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparatorGeos } from '../../../src/lib/indicators/comparator-group';
import {
  leaveOneOut,
  placeboInSpace
} from '../../../src/lib/indicators/synthetic-control-inference';
import {
  syntheticControl,
  type Matching,
  type PanelObservation,
  type SyntheticControl,
  type SyntheticControlResult
} from '../../../src/lib/indicators/synthetic-control';
import { indicatorSeriesRequest } from '../../../src/lib/query/indicator';
import { observationsFromTable, seriesSql } from '../../../src/lib/query/series';
import { startNodeEngine } from '../support/node-engine';
import { quadprogSimplex } from '../support/quadprog-simplex';

/** A panel from unit → values of consecutive periods starting at `first` (null: no value). */
function panelOf(series: Record<string, (number | null)[]>, first = 1): PanelObservation[] {
  return Object.entries(series).flatMap(([unit, values]) =>
    values.map((value, i) => ({ unit, period: first + i, value }))
  );
}

function ok(result: SyntheticControlResult): SyntheticControl {
  if (result.kind === 'error') throw new Error(result.message);
  return result;
}

function weightOf(control: { weights: { unit: string; weight: number }[] }, unit: string): number {
  return control.weights.find((w) => w.unit === unit)?.weight ?? Number.NaN;
}

/**
 * Five units over periods 1–5 before the start and period 6 after. Each unit is flat at 50 but
 * for a spike of 3 in its own pre-period (T in 1, A in 2 …), so no unit is a mix of the others
 * and every fit is known by hand: the spikes are orthogonal, so the gap's squared length is
 * 9·(1 + Σw²), least with equal weights. With k donors the pre-RMSPE is 3·√((1 + 1/k)/5):
 * 1.5 for T (4 donors), 3·√(4/15) for a placebo (3 donors, T never among them). After the start
 * each unit moves by its own `bump`, so its gap is its bump minus the mean bump of its donors.
 */
function spikePanel(bumps: Record<string, number>): PanelObservation[] {
  const units = ['T', 'A', 'B', 'C', 'D'];
  return panelOf(
    Object.fromEntries(
      units.map((unit, i) => [
        unit,
        [...[1, 2, 3, 4, 5].map((p) => (p === i + 1 ? 53 : 50)), 50 + bumps[unit]]
      ])
    )
  );
}
const placeboPre = 3 * Math.sqrt(4 / 15);

describe('synthetic control on hand-made panels', () => {
  it('weights, fit and gap of the spike panel are those worked out by hand', () => {
    const panel = spikePanel({ T: 30, A: 0, B: 0, C: 0, D: 20 });
    const control = ok(
      syntheticControl(panel, { treated: 'T', firstTreatedPeriod: 6, matching: 'level' })
    );
    expect(control.donors).toEqual(['A', 'B', 'C', 'D']);
    for (const unit of control.donors) expect(weightOf(control, unit)).toBeCloseTo(0.25, 12);
    expect(control.weightsUnique).toBe(true);
    expect(control.prePeriods).toEqual([1, 2, 3, 4, 5]);
    expect(control.postPeriods).toEqual([6]);
    expect(control.preRmspe).toBeCloseTo(1.5, 12);
    // Synthetic after the start: 50 + mean donor bump 5; T is at 80.
    expect(control.rows.at(-1)).toEqual({
      period: 6,
      treated: 80,
      synthetic: expect.closeTo(55, 12),
      gap: expect.closeTo(25, 12)
    });
    expect(control.postRmspe).toBeCloseTo(25, 12);
    expect(control.meanPostGap).toBeCloseTo(25, 12);
    expect(control.ratio).toBeCloseTo(25 / 1.5, 10);
    expect(control.leftOut).toEqual([]);
    expect(control.leftOutNote).toBeNull();
  });

  it('ranks the treated ratio among the placebos: first of five gives p = 1/5', () => {
    const panel = spikePanel({ T: 30, A: 0, B: 0, C: 0, D: 20 });
    const control = ok(
      syntheticControl(panel, { treated: 'T', firstTreatedPeriod: 6, matching: 'level' })
    );
    const placebo = placeboInSpace(panel, control);
    if (placebo.kind === 'error') throw new Error(placebo.message);
    // Placebo D: 20 − mean(0, 0, 0) = 20; placebo A: 0 − mean(0, 0, 20) = −20/3.
    const ratios = Object.fromEntries(placebo.ranking.map((r) => [r.unit, r.ratio]));
    expect(ratios.D).toBeCloseTo(20 / placeboPre, 10);
    expect(ratios.A).toBeCloseTo(20 / 3 / placeboPre, 10);
    // A, B and C tie in exact arithmetic; their order after rounding does not matter.
    expect(placebo.ranking.map((r) => r.unit).slice(0, 2)).toEqual(['T', 'D']);
    expect(placebo.rank).toBe(1);
    expect(placebo.pValue).toBeCloseTo(1 / 5, 15);
    expect(placebo.smallestPValue).toBeCloseTo(1 / 5, 15);
    // The placebos' pools leave the treated unit out: each has three donors of a third.
    const d = placebo.runs.find((r) => r.treated === 'D')!;
    expect(d.weights.map((w) => w.unit).sort()).toEqual(['A', 'B', 'C']);
    d.weights.forEach((w) => expect(w.weight).toBeCloseTo(1 / 3, 12));
    expect(placebo.unranked).toEqual([]);
  });

  it('puts the treated unit second when one placebo moves more: p = 2/5', () => {
    const panel = spikePanel({ T: 30, A: 0, B: 0, C: 0, D: 40 });
    const control = ok(
      syntheticControl(panel, { treated: 'T', firstTreatedPeriod: 6, matching: 'level' })
    );
    expect(control.ratio).toBeCloseTo(20 / 1.5, 10);
    const placebo = placeboInSpace(panel, control);
    if (placebo.kind === 'error') throw new Error(placebo.message);
    expect(placebo.ranking.map((r) => r.unit).slice(0, 2)).toEqual(['D', 'T']);
    expect(placebo.rank).toBe(2);
    expect(placebo.pValue).toBeCloseTo(2 / 5, 15);
  });

  it('counts a placebo that ties with the treated unit against it', () => {
    // D's bump x is chosen so that D's ratio, x / placeboPre, equals T's, (30 − x/4) / 1.5.
    const x = 20 / (1 / placeboPre + 1 / 6);
    const panel = spikePanel({ T: 30, A: 0, B: 0, C: 0, D: x });
    const control = ok(
      syntheticControl(panel, { treated: 'T', firstTreatedPeriod: 6, matching: 'level' })
    );
    const placebo = placeboInSpace(panel, control);
    if (placebo.kind === 'error') throw new Error(placebo.message);
    expect(placebo.ranking.map((r) => r.unit).slice(0, 2)).toEqual(['D', 'T']);
    expect(placebo.rank).toBe(2);
  });

  it('leaves out each donor of non-zero weight in turn', () => {
    const panel = spikePanel({ T: 30, A: 0, B: 0, C: 0, D: 20 });
    const control = ok(
      syntheticControl(panel, { treated: 'T', firstTreatedPeriod: 6, matching: 'level' })
    );
    const runs = leaveOneOut(panel, control);
    expect(runs.map((r) => r.without).sort()).toEqual(['A', 'B', 'C', 'D']);
    const without = Object.fromEntries(runs.map((r) => [r.without, r.result]));
    const d = without.D;
    if (d.kind === 'error') throw new Error(d.message);
    // Without D the synthetic T is the mean of A, B, C: no bump, so the gap is T's whole 30.
    expect(d.meanPostGap).toBeCloseTo(30, 12);
    expect(d.preRmspe).toBeCloseTo(placeboPre, 12);
    const a = without.A;
    if (a.kind === 'error') throw new Error(a.message);
    expect(a.meanPostGap).toBeCloseTo(30 - 20 / 3, 12);
  });

  it('runs leave-one-out only over donors with weight', () => {
    // Donors (0,0), (2,0), (0,2) in two pre-periods; T at (2,2) is fitted by the last two only.
    const panel = panelOf({ T: [2, 2, 5], O: [0, 0, 0], X: [2, 0, 1], Y: [0, 2, 1] });
    const control = ok(
      syntheticControl(panel, { treated: 'T', firstTreatedPeriod: 3, matching: 'level' })
    );
    expect(weightOf(control, 'O')).toBe(0);
    expect(weightOf(control, 'X')).toBeCloseTo(0.5, 12);
    expect(control.weights.map((w) => w.unit)).toEqual(['X', 'Y', 'O']);
    expect(leaveOneOut(panel, control).map((r) => r.without)).toEqual(['X', 'Y']);
    expect(control.meanPostGap).toBeCloseTo(4, 12);
  });

  it('matches an index or deviations from the mean where levels cannot match', () => {
    // A and B share a pre-period mean of 20. T is three times their average: as an index it is
    // exactly half A, half B; in level it lies above every donor.
    const a = [10, 30, 20, 20, 40];
    const b = [20, 20, 30, 10, 10];
    const c = [20, 25, 15, 20, 20];
    const t = a.map((v, i) => (3 * (v + b[i])) / 2);
    t[4] += 12;
    const panel = panelOf({ T: t, A: a, B: b, C: c });
    const index = ok(syntheticControl(panel, { treated: 'T', firstTreatedPeriod: 5 }));
    expect(index.matching).toBe('index');
    expect(weightOf(index, 'A')).toBeCloseTo(0.5, 10);
    expect(weightOf(index, 'B')).toBeCloseTo(0.5, 10);
    expect(index.preRmspe).toBeLessThan(1e-9);
    // In T's own units: 3 × (40 + 10) / 2 = 75; T is at 87.
    expect(index.rows.at(-1)!.synthetic).toBeCloseTo(75, 10);
    expect(index.meanPostGap).toBeCloseTo(12, 10);
    // An exact fit followed by a gap has an infinite post/pre ratio.
    expect(index.ratio).toBe(Infinity);
    const level = ok(
      syntheticControl(panel, { treated: 'T', firstTreatedPeriod: 5, matching: 'level' })
    );
    expect(level.preRmspe).toBeGreaterThan(20);

    const shifted = panelOf({ T: a.map((v, i) => (v + b[i]) / 2 + 1000), A: a, B: b, C: c });
    const demeaned = ok(
      syntheticControl(shifted, { treated: 'T', firstTreatedPeriod: 5, matching: 'demeaned' })
    );
    expect(weightOf(demeaned, 'A')).toBeCloseTo(0.5, 10);
    expect(demeaned.rows.at(-1)!.synthetic).toBeCloseTo(1025, 10);
  });
});

describe('the donor pool and its gaps', () => {
  const full = [1, 2, 3, 4, 5, 6];
  it('leaves out donors with gaps before the start, or no data, and names them', () => {
    const panel = panelOf({
      T: [2, 3, 4, 5, 6, 7],
      A: full,
      B: [3, 4, 5, 6, 7, 8],
      G: [1, null, 3, null, 5, 6],
      L: [null, null, null, null, 5, 6]
    });
    const control = ok(
      syntheticControl(panel, {
        treated: 'T',
        donors: ['A', 'B', 'G', 'L', 'Z', 'T'],
        firstTreatedPeriod: 5,
        matching: 'level'
      })
    );
    expect(control.donors).toEqual(['A', 'B']);
    expect(control.leftOut).toEqual([
      { unit: 'G', reason: 'gaps', periods: [2, 4] },
      { unit: 'L', reason: 'gaps', periods: [1, 2, 3, 4] },
      { unit: 'Z', reason: 'no-data' }
    ]);
    expect(control.leftOutNote).toBe(
      'Left out of the donor pool for gaps before 5: G (no value in 2, 4), L (no value in 1, 2, 3, 4); for having no data: Z.'
    );
  });

  it('takes every other unit with complete pre-period data when no donor is chosen', () => {
    const panel = panelOf({
      T: [2, 3, 4, 5],
      A: [1, 2, 3, 4],
      B: [3, 4, 5, 6],
      G: [1, null, 3, 4]
    });
    const control = ok(
      syntheticControl(panel, { treated: 'T', firstTreatedPeriod: 4, matching: 'level' })
    );
    expect(control.donors).toEqual(['A', 'B']);
    expect(control.leftOut).toEqual([{ unit: 'G', reason: 'gaps', periods: [2] }]);
  });

  it('fits from `firstPeriod` on, so a donor missing only earlier years stays in', () => {
    const panel = panelOf({ T: [9, 2, 3, 4, 5], A: [null, 1, 2, 3, 4], B: [1, 3, 4, 5, 6] });
    const control = ok(
      syntheticControl(panel, {
        treated: 'T',
        firstTreatedPeriod: 5,
        firstPeriod: 2,
        matching: 'level'
      })
    );
    expect(control.prePeriods).toEqual([2, 3, 4]);
    expect(control.donors).toEqual(['A', 'B']);
  });

  it('has no synthetic value after the start where a donor with weight has none', () => {
    const panel = panelOf({ T: [2, 2, 5, 6], X: [2, 0, 1, null], Y: [0, 2, 1, 1] });
    const control = ok(
      syntheticControl(panel, { treated: 'T', firstTreatedPeriod: 3, matching: 'level' })
    );
    expect(control.rows.map((r) => r.synthetic === null)).toEqual([false, false, false, true]);
    expect(control.postRmspe).toBeCloseTo(4, 12);
  });
});

describe('errors a user can read', () => {
  const donors = { A: [1, 2, 3, 4], B: [3, 4, 5, 6] };
  it('needs values of the treated unit before and after the start', () => {
    const none = syntheticControl(panelOf({ T: [null, null, 4, 5], ...donors }), {
      treated: 'T',
      firstTreatedPeriod: 3
    });
    expect(none).toMatchObject({
      kind: 'error',
      reason: 'no-treated-data',
      message: 'T has no value before 3.'
    });
    const one = syntheticControl(panelOf({ T: [null, 2, 4, 5], ...donors }), {
      treated: 'T',
      firstTreatedPeriod: 3
    });
    expect(one).toMatchObject({
      kind: 'error',
      reason: 'too-few-pre-periods',
      message:
        'T has a value in only 1 period before 3 (2); a synthetic control needs at least 2 to fit its weights.'
    });
    const after = syntheticControl(panelOf({ T: [1, 2, null, null], ...donors }), {
      treated: 'T',
      firstTreatedPeriod: 3
    });
    expect(after).toMatchObject({ kind: 'error', reason: 'no-post-periods' });
  });

  it('cannot index a series whose pre-period mean is zero, and says what to do instead', () => {
    const result = syntheticControl(panelOf({ T: [0, 0, 1, 1], ...donors }), {
      treated: 'T',
      firstTreatedPeriod: 3
    });
    expect(result).toMatchObject({ kind: 'error', reason: 'treated-not-indexable' });
    if (result.kind === 'error')
      expect(result.message).toContain('match levels or deviations from the mean instead');
    // A donor that cannot be indexed is left out instead.
    const control = ok(
      syntheticControl(panelOf({ T: [2, 3, 4, 5], ...donors, Z: [0, 0, 2, 2] }), {
        treated: 'T',
        firstTreatedPeriod: 3
      })
    );
    expect(control.leftOut).toEqual([{ unit: 'Z', reason: 'mean-not-positive' }]);
  });

  it('says which donors were left out when none is left', () => {
    const result = syntheticControl(
      panelOf({ T: [1, 2, 3, 4], A: [null, 2, 3, 4], B: [1, null, 3, 4] }),
      {
        treated: 'T',
        firstTreatedPeriod: 3
      }
    );
    expect(result).toMatchObject({
      kind: 'error',
      reason: 'no-donors',
      message:
        'No donor has a value in every period from 1 to 2 and a positive mean over them. ' +
        'Left out of the donor pool for gaps before 3: A (no value in 1), B (no value in 2).'
    });
  });

  it('needs two donors for placebos, and says when leaving one out leaves none', () => {
    const panel = panelOf({ T: [1, 2, 3, 4], A: [1, 2, 3, 5] });
    const control = ok(syntheticControl(panel, { treated: 'T', firstTreatedPeriod: 3 }));
    expect(placeboInSpace(panel, control)).toMatchObject({
      kind: 'error',
      reason: 'too-few-donors'
    });
    expect(leaveOneOut(panel, control)).toEqual([
      {
        without: 'A',
        result: {
          kind: 'error',
          reason: 'no-donors',
          message: 'Without A no donor is left.',
          leftOut: []
        }
      }
    ]);
  });
});

describe('on a real panel: theft per 100 000 inhabitants, Romania against the EU27 (crim_off_cat)', () => {
  const donors = comparatorGeos({ group: 'EU27' }, 'RO');
  let panel: PanelObservation[];

  beforeAll(async () => {
    const engine = await startNodeEngine();
    await engine.insertArrowIpc('crim_off_cat', readFileSync('datasets/crim_off_cat.arrow'));
    const sql = seriesSql(
      indicatorSeriesRequest({
        dataset: 'crim_off_cat',
        filters: { iccs: 'ICCS0502', unit: 'P_HTHAB' },
        geos: ['RO', ...donors]
      })
    );
    panel = observationsFromTable(await engine.query(sql)).map((row) => ({
      unit: row.series,
      period: Number(row.period),
      value: row.value
    }));
  });

  /** The matched pre-period series, built again here from the panel for quadprog. */
  function matched(control: SyntheticControl, unit: string): number[] {
    const values = control.prePeriods.map(
      (p) => panel.find((o) => o.unit === unit && o.period === p)!.value as number
    );
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    return values.map((v) =>
      control.matching === 'index'
        ? (v / mean) * 100
        : control.matching === 'demeaned'
          ? v - mean
          : v
    );
  }

  for (const matching of ['index', 'demeaned', 'level'] as Matching[]) {
    it(`agrees with quadprog to 1e-4, matching ${matching}`, () => {
      const control = ok(
        syntheticControl(panel, { treated: 'RO', donors, firstTreatedPeriod: 2013, matching })
      );
      const columns = control.donors.map((unit) => matched(control, unit));
      const target = matched(control, 'RO');
      const reference = quadprogSimplex(columns, target);
      const fit = (w: (unit: string, j: number) => number) =>
        target.map((_, t) => columns.reduce((s, c, j) => s + w(control.donors[j], j) * c[t], 0));
      const ours = fit((unit) => weightOf(control, unit));
      const theirs = fit((_, j) => reference[j]);
      ours.forEach((v, t) => expect(Math.abs(v - theirs[t])).toBeLessThan(1e-4));
      const sse = (f: number[]) => f.reduce((s, v, t) => s + (v - target[t]) ** 2, 0);
      expect(sse(ours)).toBeLessThanOrEqual(sse(theirs) + 1e-4);
      // Deviations from the mean fit Romania exactly, in many ways: only the fit is compared.
      expect(control.weightsUnique).toBe(matching !== 'demeaned');
      if (control.weightsUnique)
        control.donors.forEach((unit, j) =>
          expect(Math.abs(weightOf(control, unit) - reference[j])).toBeLessThan(1e-4)
        );
    });
  }

  it('gives the weights, fit, placebo rank and leave-one-out that docs/methods.md quotes', () => {
    const control = ok(
      syntheticControl(panel, { treated: 'RO', donors, firstTreatedPeriod: 2013 })
    );
    expect(control.prePeriods).toEqual([2008, 2009, 2010, 2011, 2012]);
    expect(control.postPeriods).toEqual([
      2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022
    ]);
    expect(control.leftOut).toEqual([{ unit: 'LV', reason: 'gaps', periods: [2011] }]);
    expect(control.donors).toHaveLength(25);
    expect(
      control.weights.filter((w) => w.weight > 0).map((w) => [w.unit, Number(w.weight.toFixed(4))])
    ).toEqual([
      ['SI', 0.7356],
      ['FR', 0.2644]
    ]);
    expect(control.preRmspe).toBeCloseTo(15.97, 2);
    expect(control.postRmspe).toBeCloseTo(283.88, 2);
    expect(control.ratio).toBeCloseTo(17.78, 2);
    expect(control.meanPostGap).toBeCloseTo(239.27, 2);
    // The gap opens in 2014, when Romania's recorded theft nearly triples.
    const row = (period: number) => control.rows.find((r) => r.period === period)!;
    expect(row(2012).treated).toBe(282.3);
    expect(row(2013).gap).toBeCloseTo(16.35, 2);
    expect(row(2014)).toMatchObject({ treated: 824.15, synthetic: expect.closeTo(245.16, 2) });

    const placebo = placeboInSpace(panel, control);
    if (placebo.kind === 'error') throw new Error(placebo.message);
    expect(placebo.runs).toHaveLength(25);
    expect(placebo.unranked).toEqual([]);
    expect(placebo.rank).toBe(
      1 + placebo.ranking.filter((r) => !r.treated && r.ratio >= control.ratio!).length
    );
    expect(placebo.ranking[placebo.rank - 1]).toMatchObject({ unit: 'RO', treated: true });
    expect(placebo.rank).toBe(14);
    expect(placebo.pValue).toBeCloseTo(14 / 26, 15);
    expect(placebo.smallestPValue).toBeCloseTo(1 / 26, 15);
    // 11 of the 25 placebos fit their five years exactly (an infinite ratio): five years
    // cannot tell a mix of 24 countries from the real thing.
    expect(placebo.ranking.filter((r) => r.ratio === Infinity)).toHaveLength(11);

    const loo = Object.fromEntries(
      leaveOneOut(panel, control).map((r) => [
        r.without,
        r.result.kind === 'ok' ? r.result.meanPostGap : null
      ])
    );
    expect(Object.keys(loo)).toEqual(['SI', 'FR']);
    expect(loo.SI).toBeCloseTo(230.82, 2);
    expect(loo.FR).toBeCloseTo(261.11, 2);
  });
});
