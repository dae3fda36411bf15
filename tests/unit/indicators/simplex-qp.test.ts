import { describe, expect, it } from 'vitest';
import {
  KKT_TOLERANCE,
  simplexKktViolation,
  simplexLeastSquares,
  type SimplexFit
} from '../../../src/lib/indicators/simplex-qp';
import { quadprogSimplex } from '../support/quadprog-simplex';

function solved(columns: number[][], target: number[]): SimplexFit {
  const result = simplexLeastSquares(columns, target);
  if (result.kind === 'error') throw new Error(result.reason);
  return result;
}

function fitted(columns: number[][], weights: number[]): number[] {
  return columns[0].map((_, t) => columns.reduce((s, c, j) => s + weights[j] * c[t], 0));
}

function loss(columns: number[][], target: number[], weights: number[]): number {
  return fitted(columns, weights).reduce((s, v, t) => s + (v - target[t]) ** 2, 0);
}

/** A small seeded generator (mulberry32), so the panels are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('least squares on the simplex, hand-made cases', () => {
  it('recovers the weights of a target that is a convex combination of the columns', () => {
    const columns = [
      [3, 1, 4, 1, 5, 9],
      [2, 6, 5, 3, 5, 8],
      [9, 7, 9, 3, 2, 3],
      [8, 4, 6, 2, 6, 4]
    ];
    const weights = [0.2, 0.5, 0, 0.3];
    const fit = solved(columns, fitted(columns, weights));
    fit.weights.forEach((w, j) => expect(w).toBeCloseTo(weights[j], 10));
    expect(fit.loss).toBeLessThan(1e-20);
    expect(fit.unique).toBe(true);
  });

  it('puts a target outside the hull on the nearest face, with the KKT conditions met', () => {
    // Columns (0,0), (2,0), (0,2); target (2,2). The nearest point of the triangle is (1,1),
    // the middle of the face from (2,0) to (0,2).
    const columns = [
      [0, 0],
      [2, 0],
      [0, 2]
    ];
    const target = [2, 2];
    const fit = solved(columns, target);
    expect(fit.weights[0]).toBe(0);
    expect(fit.weights[1]).toBeCloseTo(0.5, 12);
    expect(fit.weights[2]).toBeCloseTo(0.5, 12);
    expect(fit.loss).toBeCloseTo(2, 12);
    expect(fit.unique).toBe(true);
    // KKT by hand: residual r = (1,1) − (2,2) = (−1,−1); g_j = x_j·r = (0, −2, −2). The two
    // columns with weight share λ = −2; the one without has g = 0 ≥ λ, so moving weight to it
    // would only raise the loss.
    const r = fitted(columns, fit.weights).map((v, t) => v - target[t]);
    const g = columns.map((c) => c[0] * r[0] + c[1] * r[1]);
    expect(g[1]).toBeCloseTo(-2, 12);
    expect(g[2]).toBeCloseTo(-2, 12);
    expect(g[0]).toBeGreaterThanOrEqual(g[1]);
    expect(fit.kktViolation).toBeLessThan(1e-12);
  });

  it('says when other weights fit as well: a target inside the hull of four corners', () => {
    // (1,1) is the centre of the square: (0,0)+(2,2) and (2,0)+(0,2) both reach it exactly.
    const columns = [
      [0, 0],
      [2, 0],
      [0, 2],
      [2, 2]
    ];
    const fit = solved(columns, [1, 1]);
    expect(fit.loss).toBeLessThan(1e-24);
    fitted(columns, fit.weights).forEach((v) => expect(v).toBeCloseTo(1, 12));
    expect(fit.unique).toBe(false);
  });

  it('measures how far given weights are from optimal', () => {
    const columns = [
      [0, 0],
      [2, 0],
      [0, 2]
    ];
    expect(simplexKktViolation(columns, [2, 2], [0, 0.5, 0.5])).toBeLessThan(1e-15);
    expect(simplexKktViolation(columns, [2, 2], [1 / 3, 1 / 3, 1 / 3])).toBeGreaterThan(0.1);
    // Weights that do not sum to one breach the constraint.
    expect(simplexKktViolation(columns, [2, 2], [0, 0.6, 0.6])).toBeGreaterThan(0.1);
  });

  it('gives the one column all the weight, and reports unusable input as errors', () => {
    expect(solved([[1, 2, 3]], [3, 2, 1]).weights).toEqual([1]);
    expect(simplexLeastSquares([], [1, 2])).toEqual({ kind: 'error', reason: 'no-columns' });
    expect(simplexLeastSquares([[1, 2]], [1, 2, 3])).toEqual({
      kind: 'error',
      reason: 'unequal-lengths'
    });
    expect(simplexLeastSquares([[1, Number.NaN]], [1, 2])).toEqual({
      kind: 'error',
      reason: 'not-finite'
    });
  });
});

describe('least squares on the simplex against quadprog (Goldfarb–Idnani)', () => {
  const cases: {
    name: string;
    periods: number;
    donors: number;
    offset: number;
    unique: boolean;
  }[] = [
    // More periods than donors: X'X is positive definite, the optimum is unique.
    { name: '8 periods, 5 donors', periods: 8, donors: 5, offset: 0, unique: true },
    // More donors than periods, target far outside the hull: a unique point on a face.
    {
      name: '4 periods, 15 donors, target outside',
      periods: 4,
      donors: 15,
      offset: 3,
      unique: true
    },
    // More donors than periods, target at their centroid: an exact fit many ways.
    {
      name: '3 periods, 12 donors, target inside',
      periods: 3,
      donors: 12,
      offset: 0,
      unique: false
    }
  ];
  for (const c of cases) {
    it(`agrees to 1e-4 with ${c.name}`, () => {
      const next = random(c.periods * 100 + c.donors);
      const columns = Array.from({ length: c.donors }, () =>
        Array.from({ length: c.periods }, () => 10 * next())
      );
      const centroid = columns[0].map(
        (_, t) => columns.reduce((s, col) => s + col[t], 0) / c.donors
      );
      const target = centroid.map((v) => v + c.offset * 10 * (next() + 0.5));
      const fit = solved(columns, target);
      const reference = quadprogSimplex(columns, target);
      expect(fit.unique).toBe(c.unique);
      expect(fit.kktViolation).toBeLessThan(KKT_TOLERANCE);
      expect(fit.weights.every((w) => w >= 0)).toBe(true);
      expect(fit.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
      // The best fit is unique even when the weights are not: it must agree either way.
      expect(fit.loss).toBeLessThanOrEqual(loss(columns, target, reference) + 1e-4);
      const ours = fitted(columns, fit.weights);
      fitted(columns, reference).forEach((v, t) =>
        expect(Math.abs(v - ours[t])).toBeLessThan(1e-4)
      );
      if (c.unique)
        reference.forEach((w, j) => expect(Math.abs(w - fit.weights[j])).toBeLessThan(1e-4));
    });
  }
});
