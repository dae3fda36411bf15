/**
 * Least squares on the simplex: the weights w ≥ 0 with Σw = 1 that bring a combination of
 * columns closest to a target, min ‖X w − y‖². This is the optimisation inside a synthetic
 * control, solved exactly (to rounding) by an active-set method, not by iterating towards it.
 *
 * How: since Σw = 1, X w − y = C w with columns c_j = x_j − y, so the problem is the point of
 * the convex hull of the c_j nearest the origin. That point is found exactly by non-negative
 * least squares on the columns c_j with a row of ones added below them:
 *   min_{u ≥ 0} ‖C u‖² + (Σu − 1)²,   then w = u / Σu.
 * Writing u = s·w (w on the simplex) the objective is s²‖C w‖² + (s − 1)², whose minimum over
 * s is ‖C w‖² / (1 + ‖C w‖²), increasing in ‖C w‖²: both problems have the same minimisers.
 * (The same reduction holds for any positive scaling of C, which is used to balance the rows.)
 * The non-negative least squares is Lawson and Hanson's active-set algorithm (Solving Least
 * Squares Problems, 1974, ch. 23), which ends in finitely many steps at an exact optimum.
 * The result is then checked against the optimality (KKT) conditions of the original problem.
 */

export interface SimplexFit {
  kind: 'ok';
  /** One weight per column, each ≥ 0, summing to 1. Columns left out have exactly 0. */
  weights: number[];
  /** ‖X w − y‖², the minimum. */
  loss: number;
  /**
   * True when no other weights reach the same minimum. The best fit X w is always unique; the
   * weights are not when the target lies inside the hull of more columns than it has entries
   * (or on a face that several combinations span). False means other weights may fit as well.
   */
  unique: boolean;
  /** The largest breach of the optimality conditions, relative to the data's scale. */
  kktViolation: number;
}

export type SimplexResult =
  | SimplexFit
  | { kind: 'error'; reason: 'no-columns' | 'unequal-lengths' | 'not-finite' | 'no-convergence' };

/** Relative breach of the optimality conditions above which a solution is not trusted. */
export const KKT_TOLERANCE = 1e-7;

/**
 * The weights on the simplex that minimise ‖Σ_j w_j columns[j] − target‖².
 * `columns[j]` is one candidate series (a donor), as long as `target`.
 */
export function simplexLeastSquares(
  columns: readonly (readonly number[])[],
  target: readonly number[]
): SimplexResult {
  if (columns.length === 0) return { kind: 'error', reason: 'no-columns' };
  if (columns.some((c) => c.length !== target.length))
    return { kind: 'error', reason: 'unequal-lengths' };
  if (![target, ...columns].every((v) => v.every(Number.isFinite)))
    return { kind: 'error', reason: 'not-finite' };

  const differences = columns.map((c) => c.map((v, t) => v - target[t]));
  const largest = Math.max(...differences.map((d) => Math.max(0, ...d.map(Math.abs))));
  // Every column equal to the target: any weights fit exactly; equal shares are as good as any.
  if (largest === 0) {
    const n = columns.length;
    return {
      kind: 'ok',
      weights: columns.map(() => 1 / n),
      loss: 0,
      unique: n === 1,
      kktViolation: 0
    };
  }
  const scale = 1 / largest;
  const augmented = differences.map((d) => [...d.map((v) => v * scale), 1]);
  const rhs = [...target.map(() => 0), 1];
  const u = nonNegativeLeastSquares(augmented, rhs);
  if (u === null) return { kind: 'error', reason: 'no-convergence' };
  const total = u.reduce((s, v) => s + v, 0);
  const weights = u.map((v) => v / total);

  const kktViolation = simplexKktViolation(columns, target, weights);
  if (kktViolation > KKT_TOLERANCE) return { kind: 'error', reason: 'no-convergence' };
  const residual = combine(differences, weights);
  return {
    kind: 'ok',
    weights,
    loss: dot(residual, residual),
    unique: isUnique(
      augmented,
      weights,
      residual.map((v) => v * scale)
    ),
    kktViolation
  };
}

/**
 * How far `weights` are from optimal, by the KKT conditions of min ‖X w − y‖² on the simplex:
 * with r = X w − y and g_j = x_j·r (half the gradient), there is a λ with g_j = λ wherever
 * w_j > 0 and g_j ≥ λ wherever w_j = 0 (λ is then Σ w_j g_j). The largest breach, over
 * the largest squared distance of a column from the target, is returned; 0 at the optimum.
 * Weights off the simplex count their distance from it as a breach too.
 */
export function simplexKktViolation(
  columns: readonly (readonly number[])[],
  target: readonly number[],
  weights: readonly number[]
): number {
  const differences = columns.map((c) => c.map((v, t) => v - target[t]));
  const scale = Math.max(...differences.map((d) => dot(d, d)));
  if (scale === 0) return 0;
  const residual = combine(differences, weights);
  const gradient = differences.map((d) => dot(d, residual));
  const lambda = dot(weights, gradient);
  let breach = Math.abs(weights.reduce((s, w) => s + w, 0) - 1);
  weights.forEach((w, j) => {
    breach = Math.max(breach, -w);
    const slack = (gradient[j] - lambda) / scale;
    breach = Math.max(breach, w > 0 ? Math.abs(slack) : -slack);
  });
  return breach;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function combine(columns: readonly (readonly number[])[], weights: readonly number[]): number[] {
  const out = new Array<number>(columns[0].length).fill(0);
  columns.forEach((c, j) => {
    if (weights[j] !== 0) for (let t = 0; t < out.length; t++) out[t] += weights[j] * c[t];
  });
  return out;
}

/**
 * Least squares min ‖A z − b‖ over the given columns of A by Householder QR. Null when the
 * columns are (numerically) linearly dependent, so the caller can tell an unusable column.
 */
function leastSquares(
  columns: readonly (readonly number[])[],
  b: readonly number[]
): number[] | null {
  const m = b.length;
  const n = columns.length;
  if (n > m) return null;
  const a = columns.map((c) => [...c]);
  const q = [...b];
  const norms = columns.map((c) => Math.sqrt(dot(c, c)));
  for (let k = 0; k < n; k++) {
    let sigma = 0;
    for (let i = k; i < m; i++) sigma += a[k][i] * a[k][i];
    const alpha = (a[k][k] > 0 ? -1 : 1) * Math.sqrt(sigma);
    // A diagonal this small against the column's own length means the column lies in the
    // span of the ones before it.
    if (Math.abs(alpha) <= 1e-10 * norms[k]) return null;
    const v = a[k].slice(k);
    v[0] -= alpha;
    const vv = dot(v, v);
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i - k] * a[j][i];
      const f = (2 * s) / vv;
      for (let i = k; i < m; i++) a[j][i] -= f * v[i - k];
    }
    let s = 0;
    for (let i = k; i < m; i++) s += v[i - k] * q[i];
    const f = (2 * s) / vv;
    for (let i = k; i < m; i++) q[i] -= f * v[i - k];
  }
  const z = new Array<number>(n).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    let s = q[k];
    for (let j = k + 1; j < n; j++) s -= a[j][k] * z[j];
    z[k] = s / a[k][k];
  }
  return z;
}

/**
 * Lawson and Hanson's NNLS: min ‖A u − b‖ with u ≥ 0. Columns enter the passive set one at a
 * time by the largest gradient, and leave when an interpolation step takes them to zero.
 * Null if it does not settle within its step budget (which exact arithmetic never needs).
 */
function nonNegativeLeastSquares(
  columns: readonly (readonly number[])[],
  b: readonly number[]
): number[] | null {
  const n = columns.length;
  const x = new Array<number>(n).fill(0);
  const passive = new Array<boolean>(n).fill(false);
  // Columns whose entry failed on rounding (dependent, or a non-positive first solution): they
  // wait until the passive set changes, otherwise the same column would be picked forever.
  const rejected = new Set<number>();
  const tolerance = 1e-12 * Math.max(...columns.map((c) => Math.sqrt(dot(c, c))));
  for (let step = 0; step < 10 * n + 50; step++) {
    const residual = b.map((v, i) => v - columns.reduce((s, c, j) => s + c[i] * x[j], 0));
    let entering = -1;
    let best = tolerance;
    for (let j = 0; j < n; j++) {
      if (passive[j] || rejected.has(j)) continue;
      const g = dot(columns[j], residual);
      if (g > best) [entering, best] = [j, g];
    }
    if (entering < 0) return x;
    passive[entering] = true;
    for (let inner = 0; ; inner++) {
      const indices = passive.flatMap((p, j) => (p ? [j] : []));
      const z = leastSquares(
        indices.map((j) => columns[j]),
        b
      );
      const zAt = (j: number) => (z as number[])[indices.indexOf(j)];
      if (inner === 0 && (z === null || zAt(entering) <= 0)) {
        passive[entering] = false;
        rejected.add(entering);
        break;
      }
      if (z === null) return null;
      if (indices.every((j) => zAt(j) > 0)) {
        indices.forEach((j) => (x[j] = zAt(j)));
        rejected.clear();
        break;
      }
      let alpha = Infinity;
      for (const j of indices) {
        const zj = zAt(j);
        if (zj <= 0) alpha = Math.min(alpha, x[j] / (x[j] - zj));
      }
      for (const j of indices) {
        x[j] += alpha * (zAt(j) - x[j]);
        if (x[j] <= 1e-15) [x[j], passive[j]] = [0, false];
      }
      rejected.clear();
      if (inner > n) return null;
    }
  }
  return null;
}

/**
 * Whether the optimum's weights are the only ones: any other optimum uses only columns whose
 * optimality condition is tight (the support and zero-weight columns with g_j = λ); if those
 * columns, with the row of ones, are linearly independent, no other combination of them gives
 * the same fit and sums to one. Otherwise uniqueness is not proved and false is returned.
 */
function isUnique(
  augmented: readonly (readonly number[])[],
  weights: readonly number[],
  scaledResidual: readonly number[]
): boolean {
  const m = scaledResidual.length;
  const lambda = dot(scaledResidual, scaledResidual);
  const tight = augmented.flatMap((column, j) => {
    const slack = dot(column.slice(0, m), scaledResidual) - lambda;
    return weights[j] > 0 || slack <= 1e-9 ? [column] : [];
  });
  return independent(tight);
}

function independent(columns: readonly (readonly number[])[]): boolean {
  return (
    columns.length === 0 ||
    leastSquares(
      columns,
      columns[0].map(() => 0)
    ) !== null
  );
}
