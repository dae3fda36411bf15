/**
 * Projection methods for short annual series. Each works on a series already put on its
 * modelling scale (the log of the values, usually: see projection.ts) and gives, for each
 * year ahead, a predictive distribution on that scale: a centre, a spread and the degrees of
 * freedom of a Student's t (Infinity for a normal). Intervals and target probabilities are
 * read from that distribution in one place, whichever method made it.
 *
 * Missing years are allowed: the points carry their years and each method says how it
 * treats a gap. The formulas and their sources are in docs/methods.md.
 */

/** One published value on the modelling scale. Points are in increasing year order. */
export interface ScaledPoint {
  year: number;
  z: number;
}

/** The distribution of a future value on the modelling scale: centre + sd · T_df. */
export interface Predictive {
  center: number;
  sd: number;
  /** Degrees of freedom of the t; Infinity for the normal. */
  df: number;
}

export type ProjectionMethodId = 'log-linear' | 'damped' | 'drift' | 'naive';

export interface ProjectionMethod {
  id: ProjectionMethodId;
  /** The fewest published values the method needs to leave a spread to estimate. */
  minPoints: number;
  /** Predictive distributions for 1 … `horizon` years after the last point. */
  forecast(points: readonly ScaledPoint[], horizon: number): Predictive[];
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/**
 * A straight line through the values by least squares against the year, extrapolated.
 * On the log scale this is a constant yearly growth rate. The interval is the classical
 * regression prediction interval, with n − 2 degrees of freedom. A missing year is simply
 * absent from the regression: the line is fitted to the years there are.
 */
export const logLinear: ProjectionMethod = {
  id: 'log-linear',
  minPoints: 5,
  forecast(points, horizon) {
    const n = points.length;
    const meanYear = points.reduce((s, p) => s + p.year, 0) / n;
    const meanZ = points.reduce((s, p) => s + p.z, 0) / n;
    let sxx = 0;
    let sxz = 0;
    for (const p of points) {
      sxx += (p.year - meanYear) ** 2;
      sxz += (p.year - meanYear) * (p.z - meanZ);
    }
    const slope = sxz / sxx;
    const sse = points.reduce((s, p) => s + (p.z - meanZ - slope * (p.year - meanYear)) ** 2, 0);
    const s = Math.sqrt(sse / (n - 2));
    const last = points[n - 1].year;
    return range(horizon).map((h) => {
      const dx = last + h - meanYear;
      return {
        center: meanZ + slope * dx,
        sd: s * Math.sqrt(1 + 1 / n + (dx * dx) / sxx),
        df: n - 2
      };
    });
  }
};

/** Year-to-year steps, each with the number of years it spans (more than 1 across a gap). */
function steps(points: readonly ScaledPoint[]): { change: number; years: number }[] {
  return points
    .slice(1)
    .map((p, i) => ({ change: p.z - points[i].z, years: p.year - points[i].year }));
}

/**
 * The random walk with drift: the last value plus the average yearly change between the
 * first and last values. A step across a gap of g years counts as g yearly steps, so its
 * variance is g times a yearly step's. The spread adds the uncertainty of the estimated
 * drift (variance σ²/span) to the walk's own: σ²·(h + h²/span); compare FPP3 §5.5.
 */
export const drift: ProjectionMethod = {
  id: 'drift',
  minPoints: 5,
  forecast(points, horizon) {
    const first = points[0];
    const last = points[points.length - 1];
    const span = last.year - first.year;
    const slope = (last.z - first.z) / span;
    const moves = steps(points);
    const variance =
      moves.reduce((s, m) => s + (m.change - m.years * slope) ** 2 / m.years, 0) /
      (moves.length - 1);
    return range(horizon).map((h) => ({
      center: last.z + h * slope,
      sd: Math.sqrt(variance * (h + (h * h) / span)),
      df: moves.length - 1
    }));
  }
};

/**
 * The naive method: the last value carried forward, spreading as a random walk. Scaled
 * errors (MASE) are measured against its in-sample one-year errors; out of sample it also
 * scored best on the shipped series, which is why it is the default (docs/methods.md).
 */
export const naive: ProjectionMethod = {
  id: 'naive',
  minPoints: 5,
  forecast(points, horizon) {
    const moves = steps(points);
    const variance = moves.reduce((s, m) => s + (m.change * m.change) / m.years, 0) / moves.length;
    const last = points[points.length - 1].z;
    return range(horizon).map((h) => ({
      center: last,
      sd: Math.sqrt(variance * h),
      df: moves.length
    }));
  }
};

export interface DampedParameters {
  alpha: number;
  /** The trend's smoothing in the innovations form: β = α·β* of the component form. */
  beta: number;
  phi: number;
}

/** Parameters with the best initial state for them and the squared errors it leaves. */
export interface DampedCandidate extends DampedParameters {
  /** The state before the first year, chosen by least squares with the parameters. */
  initialLevel: number;
  initialTrend: number;
  sse: number;
}

export interface DampedFit extends DampedCandidate {
  /** The state after the last year, which the projection starts from. */
  level: number;
  trend: number;
  /** One-year-ahead forecasts of each point, in point order. */
  fitted: number[];
}

/**
 * Runs the damped trend's recursions over every year from the first point to the last, in
 * the innovations form. A missing year has no error to learn from, so its states are the
 * forecast: level + φ·trend and φ·trend.
 */
export function dampedRun(
  points: readonly ScaledPoint[],
  { alpha, beta, phi }: DampedParameters,
  initialLevel: number,
  initialTrend: number
): { fitted: number[]; level: number; trend: number } {
  let level = initialLevel;
  let trend = initialTrend;
  const fitted: number[] = [];
  let next = 0;
  for (let year = points[0].year; year <= points[points.length - 1].year; year++) {
    const forecast = level + phi * trend;
    const error = points[next].year === year ? points[next].z - forecast : 0;
    if (points[next].year === year) {
      fitted.push(forecast);
      next++;
    }
    level = forecast + alpha * error;
    trend = phi * trend + beta * error;
  }
  return { fitted, level, trend };
}

/** φ + φ² + … + φ^h: how much of today's trend is still added h years on. */
export function dampedSum(phi: number, h: number): number {
  let sum = 0;
  let power = 1;
  for (let j = 1; j <= h; j++) {
    power *= phi;
    sum += power;
  }
  return sum;
}

const GRID_SMOOTHING = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);
// Hyndman & Athanasopoulos (FPP3, §8.2) keep φ between 0.8 and 0.98: below, the damping is
// so strong the trend vanishes at once; above, it cannot be told from an undamped trend.
const GRID_PHI = Array.from({ length: 10 }, (_, i) => 0.8 + 0.02 * i);

/**
 * Fits the damped trend with the given parameters. The one-year errors are linear in the
 * initial level and trend, so for each set of parameters the best initial state follows from
 * a 2 × 2 least-squares problem instead of a search. One pass runs three copies of the
 * recursions side by side: the data from a zero state, and no data from each unit state;
 * each forecast is then base + level₀·u + trend₀·v.
 */
export function fitDampedWith(
  points: readonly ScaledPoint[],
  parameters: DampedParameters
): DampedCandidate | null {
  const { alpha, beta, phi } = parameters;
  let [level, trend, levelU, trendU, levelV, trendV] = [0, 0, 1, 0, 0, 1];
  let uu = 0;
  let uv = 0;
  let vv = 0;
  let ur = 0;
  let vr = 0;
  let rr = 0;
  let next = 0;
  for (let year = points[0].year; year <= points[points.length - 1].year; year++) {
    const base = level + phi * trend;
    const u = levelU + phi * trendU;
    const v = levelV + phi * trendV;
    // The error of the zero-state copy is z − base; the unit-state copies see no data, so
    // their errors are −u and −v, and every copy skips a missing year alike.
    let errorBase = 0;
    let errorU = 0;
    let errorV = 0;
    if (points[next].year === year) {
      const r = points[next].z - base;
      uu += u * u;
      uv += u * v;
      vv += v * v;
      ur += u * r;
      vr += v * r;
      rr += r * r;
      errorBase = r;
      errorU = -u;
      errorV = -v;
      next++;
    }
    level = base + alpha * errorBase;
    trend = phi * trend + beta * errorBase;
    levelU = u + alpha * errorU;
    trendU = phi * trendU + beta * errorU;
    levelV = v + alpha * errorV;
    trendV = phi * trendV + beta * errorV;
  }
  const det = uu * vv - uv * uv;
  if (!(Math.abs(det) > 1e-12 * uu * vv)) return null;
  const initialLevel = (vv * ur - uv * vr) / det;
  const initialTrend = (uu * vr - uv * ur) / det;
  const sse = Math.max(0, rr - initialLevel * ur - initialTrend * vr);
  return { ...parameters, initialLevel, initialTrend, sse };
}

/**
 * Fits the damped trend by the least sum of squared one-year errors over a grid: α and β*
 * from 0.05 to 0.95 in steps of 0.05 (so 0 < β ≤ α), φ from 0.80 to 0.98 in steps of 0.02.
 * A grid rather than a numerical optimiser keeps the fit reproducible to the last digit and
 * cannot stall on the flat error surfaces of short series.
 */
export function fitDamped(points: readonly ScaledPoint[]): DampedFit {
  let best: DampedCandidate | null = null;
  for (const alpha of GRID_SMOOTHING)
    for (const betaStar of GRID_SMOOTHING)
      for (const phi of GRID_PHI) {
        const fit = fitDampedWith(points, { alpha, beta: alpha * betaStar, phi });
        if (fit && (best === null || fit.sse < best.sse)) best = fit;
      }
  if (best === null) throw new Error('The damped trend could not be fitted to these points.');
  const run = dampedRun(points, best, best.initialLevel, best.initialTrend);
  return { ...best, level: run.level, trend: run.trend, fitted: run.fitted };
}

/**
 * The variance of the h-year error of a damped trend, as a multiple of the one-year
 * variance: 1 + Σ_{j<h} (α + β·(φ + … + φ^j))² (Hyndman et al. 2008, ch. 6).
 */
export function dampedVarianceFactor({ alpha, beta, phi }: DampedParameters, h: number): number {
  let factor = 1;
  for (let j = 1; j < h; j++) factor += (alpha + beta * dampedSum(phi, j)) ** 2;
  return factor;
}

/**
 * Holt's linear trend with a damped trend (Gardner & McKenzie 1985), additive errors,
 * as in FPP3 §8.2 and §8.7. Five things are estimated (α, β, φ and the initial level and
 * trend), so the one-year variance is the sum of squared errors over n − 5, and at least six
 * values are needed. Intervals are normal, as the state-space formula gives them.
 */
export const damped: ProjectionMethod = {
  id: 'damped',
  minPoints: 6,
  forecast(points, horizon) {
    const fit = fitDamped(points);
    const variance = fit.sse / (points.length - 5);
    return range(horizon).map((h) => ({
      center: fit.level + dampedSum(fit.phi, h) * fit.trend,
      sd: Math.sqrt(variance * dampedVarianceFactor(fit, h)),
      df: Infinity
    }));
  }
};

export const PROJECTION_METHODS: Record<ProjectionMethodId, ProjectionMethod> = {
  'log-linear': logLinear,
  damped,
  drift,
  naive
};
