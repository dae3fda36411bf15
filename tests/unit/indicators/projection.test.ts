import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import {
  normalCdf,
  studentTCdf,
  studentTQuantile
} from '../../../src/lib/indicators/projection-distributions';
import {
  dampedRun,
  dampedVarianceFactor,
  drift,
  fitDamped,
  fitDampedWith,
  naive,
  type DampedFit,
  type ScaledPoint
} from '../../../src/lib/indicators/projection-methods';
import {
  projectIndicator,
  projectSeries,
  targetProbability,
  targetVerdict,
  type AnnualValue,
  type Projection
} from '../../../src/lib/indicators/projection';
import { startNodeEngine } from '../support/node-engine';

type Projected = Extract<Projection, { kind: 'projected' }>;

function projected(p: Projection): Projected {
  if (p.kind !== 'projected') throw new Error(`expected a projection, got ${p.kind}`);
  return p;
}

const annual = (first: number, values: (number | null)[]): AnnualValue[] =>
  values.map((value, i) => ({ year: first + i, value }));

describe('t and normal distributions', () => {
  it('give the quantiles printed in statistical tables', () => {
    // Two-sided critical values of Student's t and of the normal, as tabulated.
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.18245, 5);
    expect(studentTQuantile(0.9, 6)).toBeCloseTo(1.43976, 5);
    expect(studentTQuantile(0.975, 14)).toBeCloseTo(2.14479, 5);
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-2.36462, 5);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959964, 6);
    expect(studentTQuantile(0.9, Infinity)).toBeCloseTo(1.281552, 6);
  });

  it('give the tabulated distribution functions', () => {
    expect(normalCdf(1)).toBeCloseTo(0.841344746, 9);
    expect(normalCdf(-3)).toBeCloseTo(0.001349898, 9);
    expect(studentTCdf(2, 5)).toBeCloseTo(0.94903026, 8);
    expect(studentTCdf(0, 4)).toBe(0.5);
  });
});

describe('log-linear trend on a real series (theft per 100 000, Romania, from 2015)', () => {
  let engine: SqlEngine;
  let theft: AnnualValue[];

  beforeAll(async () => {
    engine = await startNodeEngine();
    await engine.insertArrowIpc('crim_off_cat', readFileSync('datasets/crim_off_cat.arrow'));
    const rows = await engine.query(`SELECT CAST(time AS INTEGER) AS year, value FROM crim_off_cat
      WHERE iccs = 'ICCS0502' AND unit = 'P_HTHAB' AND geo = 'RO' ORDER BY year`);
    theft = rows.toArray().map((r) => ({ year: r.year as number, value: r.value as number }));
  });

  it('matches DuckDB’s regression and the prediction-interval formula written in SQL', async () => {
    const result = projected(
      projectSeries(theft, { method: 'log-linear', fromYear: 2015, toYear: 2026 })
    );
    expect(result.fitted).toEqual({ from: 2015, to: 2022, count: 8 });
    expect(result.scale.kind).toBe('log');
    const check = await engine.query(`
      WITH s AS (SELECT CAST(time AS INTEGER) AS x, ln(value) AS z FROM crim_off_cat
        WHERE iccs = 'ICCS0502' AND unit = 'P_HTHAB' AND geo = 'RO' AND value IS NOT NULL
          AND CAST(time AS INTEGER) >= 2015),
      f AS (SELECT regr_slope(z, x) AS b, regr_intercept(z, x) AS a, count(*) AS n,
        avg(x) AS xbar, regr_sxx(z, x) AS sxx, max(x) AS last FROM s),
      r AS (SELECT sum((z - (a + b * x)) ^ 2) AS sse FROM s, f)
      SELECT last + h AS year, a + b * (last + h) AS center,
        sqrt(sse / (n - 2)) * sqrt(1 + 1 / n + ((last + h) - xbar) ^ 2 / sxx) AS se
      FROM f, r, range(1, 5) t(h) ORDER BY h`);
    // t with 8 − 2 = 6 degrees of freedom, from the table: 1.439756 (90 %), 2.446912 (97.5 %).
    const t80 = 1.439756;
    const t95 = 2.446912;
    const expected = check.toArray().map((r) => r.toJSON() as { center: number; se: number });
    expect(result.values.map((v) => v.year)).toEqual([2023, 2024, 2025, 2026]);
    result.values.forEach((v, i) => {
      const { center, se } = expected[i];
      expect(v.projected).toBe(true);
      expect(v.value).toBeCloseTo(Math.exp(center), 9);
      expect(v.lower80).toBeCloseTo(Math.exp(center - t80 * se), 3);
      expect(v.upper80).toBeCloseTo(Math.exp(center + t80 * se), 3);
      expect(v.lower95).toBeCloseTo(Math.exp(center - t95 * se), 3);
      expect(v.upper95).toBeCloseTo(Math.exp(center + t95 * se), 3);
    });
  });

  it('fits the years there are when some are missing, without filling them in', async () => {
    // Two published years withheld: one set to null, one left out of the list.
    const gappy = theft
      .filter((p) => p.year !== 2018)
      .map((p) => (p.year === 2020 ? { year: 2020, value: null } : p));
    const result = projected(
      projectSeries(gappy, { method: 'log-linear', fromYear: 2015, toYear: 2023 })
    );
    expect(result.fitted.count).toBe(6);
    const check = await engine.query(`
      WITH s AS (SELECT CAST(time AS INTEGER) AS x, ln(value) AS z FROM crim_off_cat
        WHERE iccs = 'ICCS0502' AND unit = 'P_HTHAB' AND geo = 'RO'
          AND CAST(time AS INTEGER) >= 2015 AND CAST(time AS INTEGER) NOT IN (2018, 2020))
      SELECT regr_intercept(z, x) + regr_slope(z, x) * 2023 AS center FROM s`);
    expect(result.values[0].value).toBeCloseTo(Math.exp(check.get(0)!.toJSON().center), 9);
  });
});

/**
 * The damped trend in the component form of FPP3 §8.2, written independently of the
 * innovations form the module uses: ℓ_t = αy_t + (1−α)(ℓ_{t−1} + φb_{t−1}),
 * b_t = β*(ℓ_t − ℓ_{t−1}) + (1−β*)φb_{t−1}. A missing year takes its own forecast as y.
 */
function componentForm(
  years: number[],
  ys: (number | null)[],
  p: { alpha: number; betaStar: number; phi: number; l0: number; b0: number }
) {
  let l = p.l0;
  let b = p.b0;
  let sse = 0;
  years.forEach((_, i) => {
    const forecast = l + p.phi * b;
    const y = ys[i] ?? forecast;
    sse += (y - forecast) ** 2;
    const newL = p.alpha * y + (1 - p.alpha) * forecast;
    b = p.betaStar * (newL - l) + (1 - p.betaStar) * p.phi * b;
    l = newL;
  });
  const ahead = (h: number) => {
    let damp = 0;
    for (let j = 1; j <= h; j++) damp += p.phi ** j;
    return l + damp * b;
  };
  return { sse, ahead };
}

describe('damped trend', () => {
  // Detected victims of trafficking in Romania (UNODC GLOTIP), 2007–2022, as published.
  const victims = [
    1780, 1240, 780, 1154, 1048, 1041, 896, 757, 880, 756, 662, 497, 698, 596, 505, 500
  ];
  const points: ScaledPoint[] = victims.map((v, i) => ({ year: 2007 + i, z: Math.log(v) }));

  const asComponent = (fit: DampedFit) => ({
    alpha: fit.alpha,
    betaStar: fit.beta / fit.alpha,
    phi: fit.phi,
    l0: fit.initialLevel,
    b0: fit.initialTrend
  });

  it('agrees with the component form on errors and forecasts', () => {
    const fit = fitDamped(points);
    const independent = componentForm(
      points.map((p) => p.year),
      points.map((p) => p.z),
      asComponent(fit)
    );
    expect(fit.sse).toBeCloseTo(independent.sse, 10);
    const [first, , , fourth] = projected(
      projectSeries(
        victims.map((value, i) => ({ year: 2007 + i, value })),
        { method: 'damped', toYear: 2026 }
      )
    ).values;
    expect(first.value).toBeCloseTo(Math.exp(independent.ahead(1)), 8);
    expect(fourth.value).toBeCloseTo(Math.exp(independent.ahead(4)), 8);
  });

  it('chooses the initial level and trend that minimise the squared errors', () => {
    const fit = fitDamped(points);
    const base = asComponent(fit);
    const years = points.map((p) => p.year);
    const zs = points.map((p) => p.z);
    for (const [dl, db] of [
      [0.01, 0],
      [-0.01, 0],
      [0, 0.005],
      [0, -0.005],
      [0.01, -0.005]
    ])
      expect(
        componentForm(years, zs, { ...base, l0: base.l0 + dl, b0: base.b0 + db }).sse
      ).toBeGreaterThan(fit.sse);
  });

  it('keeps its parameters inside the bounds of FPP3 (0.8 ≤ φ ≤ 0.98, β ≤ α)', () => {
    const fit = fitDamped(points);
    expect(fit.phi).toBeGreaterThanOrEqual(0.8 - 1e-12);
    expect(fit.phi).toBeLessThanOrEqual(0.98 + 1e-12);
    expect(fit.beta).toBeLessThanOrEqual(fit.alpha);
    expect(fit.alpha).toBeGreaterThan(0);
  });

  it('steps over a missing year by its forecast, as the component form does', () => {
    const gappy = points.filter((p) => p.year !== 2013);
    const parameters = { alpha: 0.4, beta: 0.4 * 0.3, phi: 0.9 };
    const fit = fitDampedWith(gappy, parameters)!;
    const independent = componentForm(
      points.map((p) => p.year),
      points.map((p) => (p.year === 2013 ? null : p.z)),
      { alpha: 0.4, betaStar: 0.3, phi: 0.9, l0: fit.initialLevel, b0: fit.initialTrend }
    );
    expect(fit.sse).toBeCloseTo(independent.sse, 10);
    const run = dampedRun(gappy, parameters, fit.initialLevel, fit.initialTrend);
    expect(run.fitted).toHaveLength(gappy.length);
    expect(run.level + 0.9 * run.trend).toBeCloseTo(independent.ahead(1), 10);
  });

  it('widens its interval by the closed-form variance given in FPP3 §8.7', () => {
    // σ²_h/σ² = 1 + α²(h−1) + βφh/(1−φ)²·[2α(1−φ) + βφ]
    //           − βφ(1−φ^h)/((1−φ)²(1−φ²))·[2α(1−φ²) + βφ(1 + 2φ − φ^h)]
    const closed = (alpha: number, beta: number, phi: number, h: number) =>
      1 +
      alpha ** 2 * (h - 1) +
      ((beta * phi * h) / (1 - phi) ** 2) * (2 * alpha * (1 - phi) + beta * phi) -
      ((beta * phi * (1 - phi ** h)) / ((1 - phi) ** 2 * (1 - phi ** 2))) *
        (2 * alpha * (1 - phi ** 2) + beta * phi * (1 + 2 * phi - phi ** h));
    for (const [alpha, beta, phi] of [
      [0.5, 0.1, 0.9],
      [0.95, 0.6, 0.8],
      [0.2, 0.02, 0.98]
    ])
      for (const h of [1, 2, 3, 4, 7])
        expect(dampedVarianceFactor({ alpha, beta, phi }, h)).toBeCloseTo(
          closed(alpha, beta, phi, h),
          9
        );
  });

  it('needs six values: one more than it estimates', () => {
    const five = victims.slice(0, 5).map((value, i) => ({ year: 2007 + i, value }));
    expect(projectSeries(five, { method: 'damped', toYear: 2025 })).toEqual({
      kind: 'not-enough-data',
      method: 'damped',
      have: 5,
      need: 6
    });
  });
});

describe('random walk, with and without drift', () => {
  const pts = (values: [number, number][]): ScaledPoint[] =>
    values.map(([year, z]) => ({ year, z }));

  it('gives the drift forecast and its spread σ√(h(1 + h/(T−1)))', () => {
    // Steps 2, 1, 4, 1: drift (9 − 1)/4 = 2; σ² = (0 + 1 + 4 + 1)/3 = 2.
    const [h1, , h3] = drift.forecast(
      pts([
        [2000, 1],
        [2001, 3],
        [2002, 4],
        [2003, 8],
        [2004, 9]
      ]),
      3
    );
    expect(h1).toEqual({ center: 11, sd: Math.sqrt(2 * 1 * (1 + 1 / 4)), df: 3 });
    expect(h3.center).toBe(15);
    expect(h3.sd).toBeCloseTo(Math.sqrt(2 * 3 * (1 + 3 / 4)), 12);
  });

  it('counts a step across a gap as that many yearly steps', () => {
    // 2002 missing: the step 3 → 8 spans two years, so it is expected to be 2 × drift and
    // its squared deviation counts half. Drift (10 − 1)/5 = 1.8.
    const [h1] = drift.forecast(
      pts([
        [2000, 1],
        [2001, 3],
        [2003, 8],
        [2004, 9],
        [2005, 10]
      ]),
      1
    );
    const c = 1.8;
    const variance = ((2 - c) ** 2 + (5 - 2 * c) ** 2 / 2 + (1 - c) ** 2 + (1 - c) ** 2) / 3;
    expect(h1.center).toBeCloseTo(10 + c, 12);
    expect(h1.sd).toBeCloseTo(Math.sqrt(variance * (1 + 1 / 5)), 12);
    const [n1, n2] = naive.forecast(
      pts([
        [2000, 1],
        [2001, 3],
        [2003, 8],
        [2004, 9],
        [2005, 10]
      ]),
      2
    );
    const naiveVariance = (4 + 25 / 2 + 1 + 1) / 4;
    expect(n1).toEqual({ center: 10, sd: Math.sqrt(naiveVariance), df: 4 });
    expect(n2.sd).toBeCloseTo(Math.sqrt(2 * naiveVariance), 12);
  });
});

describe('projecting a series', () => {
  const rising = annual(2012, [100, 112, 118, 135, 141, 160, 171, 180, 204, 210, 231]);

  it('says “not enough data” instead of failing, counting only published values', () => {
    const short = annual(2018, [5, null, 6, 7, null, 8]);
    expect(projectSeries(short, { method: 'log-linear', toYear: 2026 })).toEqual({
      kind: 'not-enough-data',
      method: 'log-linear',
      have: 4,
      need: 5
    });
    expect(projectSeries(rising, { method: 'naive', fromYear: 2019, toYear: 2026 })).toEqual({
      kind: 'not-enough-data',
      method: 'naive',
      have: 4,
      need: 5
    });
    expect(projectSeries([], { toYear: 2026 }).kind).toBe('not-enough-data');
  });

  it('treats a null and an absent year alike, and projects from the last published year', () => {
    const withNull = annual(2012, [100, 112, null, 135, 141, 160, 171, 180, null]);
    const without = withNull.filter((p) => p.value !== null);
    for (const method of ['log-linear', 'damped', 'drift', 'naive'] as const) {
      const a = projected(projectSeries(withNull, { method, toYear: 2024 }));
      const b = projected(projectSeries(without, { method, toYear: 2024 }));
      expect(a).toEqual(b);
      expect(a.fitted.to).toBe(2019);
      expect(a.values.map((v) => v.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    }
  });

  it('nests the 80 % interval inside the 95 % one and widens both with the years', () => {
    for (const method of ['log-linear', 'damped', 'drift', 'naive'] as const) {
      const { values } = projected(projectSeries(rising, { method, toYear: 2027 }));
      values.forEach((v, i) => {
        expect(v.lower95).toBeLessThan(v.lower80);
        expect(v.lower80).toBeLessThan(v.value);
        expect(v.value).toBeLessThan(v.upper80);
        expect(v.upper80).toBeLessThan(v.upper95);
        if (i > 0)
          expect(v.upper95 - v.lower95).toBeGreaterThan(
            values[i - 1].upper95 - values[i - 1].lower95
          );
      });
    }
  });

  it('never projects below zero a series that cannot be negative', () => {
    const falling = annual(2012, [40, 31, 22, 18, 11, 9, 5, 4]);
    for (const method of ['log-linear', 'damped', 'drift'] as const) {
      const result = projected(projectSeries(falling, { method, toYear: 2030 }));
      expect(result.scale).toEqual({ kind: 'log', floorAtZero: false });
      for (const v of result.values) expect(v.lower95).toBeGreaterThan(0);
    }
    // A zero rules out the log; the fan is then cut at zero.
    const withZero = annual(2012, [6, 4, 3, 0, 2, 1, 1]);
    const linear = projected(projectSeries(withZero, { method: 'drift', toYear: 2030 }));
    expect(linear.scale).toEqual({ kind: 'linear', floorAtZero: true });
    expect(Math.min(...linear.values.map((v) => v.lower95))).toBe(0);
    // With negative values (a net balance) nothing is cut.
    const balance = annual(2012, [3, -1, 2, -4, 1, -2, 0]);
    const free = projected(projectSeries(balance, { method: 'naive', toYear: 2022 }));
    expect(free.scale).toEqual({ kind: 'linear', floorAtZero: false });
    expect(free.values[0].lower95).toBeLessThan(0);
  });

  it('gives nothing to project when the series already reaches the year asked for', () => {
    expect(projected(projectSeries(rising, { method: 'naive', toYear: 2020 })).values).toEqual([]);
  });
});

describe('the chance of meeting a target', () => {
  const series = annual(2012, [100, 112, 118, 135, 141, 160, 171, 180, 204, 210, 231]);
  const result = projected(projectSeries(series, { method: 'log-linear', toYear: 2026 }));
  const p = (value: number, direction: 'up' | 'down') =>
    targetProbability(result, { year: 2026, value }, direction) as number;

  it('grows as a target set below the series is made easier, and is 1/2 at the median', () => {
    const median = result.values.find((v) => v.year === 2026)!.value;
    const levels = [150, 250, 300, median, 350, 400, 600];
    const down = levels.map((v) => p(v, 'down'));
    for (let i = 1; i < down.length; i++) expect(down[i]).toBeGreaterThan(down[i - 1]);
    expect(p(median, 'down')).toBeCloseTo(0.5, 9);
    for (const v of levels) expect(p(v, 'up') + p(v, 'down')).toBeCloseTo(1, 12);
  });

  it('puts the interval bounds at their nominal probabilities', () => {
    const v = result.values.find((x) => x.year === 2026)!;
    expect(p(v.upper95, 'down')).toBeCloseTo(0.975, 9);
    expect(p(v.lower80, 'up')).toBeCloseTo(0.9, 9);
  });

  it('is certain for a target of zero or less on the log scale, and null outside the projection', () => {
    expect(p(0, 'up')).toBe(1);
    expect(p(-5, 'down')).toBe(0);
    expect(targetProbability(result, { year: 2030, value: 200 }, 'down')).toBeNull();
  });

  it('says it in words: likely from 2/3, unlikely up to 1/3', () => {
    expect(targetVerdict(0.9)).toBe('likely');
    expect(targetVerdict(2 / 3)).toBe('likely');
    expect(targetVerdict(0.6)).toBe('about-as-likely-as-not');
    expect(targetVerdict(1 / 3)).toBe('unlikely');
    expect(targetVerdict(0.05)).toBe('unlikely');
  });

  it('projects an indicator to the present year, or on to a later target year', () => {
    const none = projectIndicator(series, { presentYear: 2026, target: null, direction: 'up' });
    expect(none.outlook).toBeNull();
    expect(projected(none.projection).values.at(-1)!.year).toBe(2026);

    const later = projectIndicator(series, {
      presentYear: 2026,
      target: { year: 2028, value: 250 },
      direction: 'up',
      method: 'log-linear'
    });
    expect(projected(later.projection).values.at(-1)!.year).toBe(2028);
    expect(later.outlook).toMatchObject({ kind: 'projected', year: 2028, verdict: 'likely' });

    const published = projectIndicator(series, {
      presentYear: 2026,
      target: { year: 2020, value: 250 },
      direction: 'up'
    });
    expect(published.outlook).toEqual({ kind: 'target-year-published', year: 2020 });

    const short = projectIndicator(series.slice(0, 3), {
      presentYear: 2026,
      target: { year: 2026, value: 250 },
      direction: 'up'
    });
    expect(short.outlook).toEqual({ kind: 'not-enough-data', have: 3, need: 5 });
  });
});
