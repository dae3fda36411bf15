import { solveQP } from 'quadprog';

/**
 * min ‖X w − y‖² with w ≥ 0 and Σw = 1, solved by quadprog (Goldfarb and Idnani's dual method),
 * an implementation independent of the app's solver. Goldfarb–Idnani needs a positive definite
 * D, and X'X is only semi-definite when there are more donors than periods, so `ridge` times
 * the mean diagonal of X'X is added to it: the answer then minimises the loss plus that small
 * multiple of ‖w‖², the minimum-norm optimum when the optimum is not unique.
 */
export function quadprogSimplex(
  columns: readonly (readonly number[])[],
  target: readonly number[],
  ridge = 1e-10
): number[] {
  const n = columns.length;
  const dot = (a: readonly number[], b: readonly number[]) =>
    a.reduce((s, v, i) => s + v * b[i], 0);
  const gram = columns.map((a) => columns.map((b) => dot(a, b)));
  const shift = (ridge * gram.reduce((s, row, i) => s + row[i], 0)) / n;
  // quadprog minimises −dᵀb + ½ bᵀDb subject to Aᵀb ≥ b0, the first meq rows as equalities,
  // with arrays indexed from 1 like the Fortran it was ported from.
  const D = [
    [],
    ...gram.map((row, i) => [0, ...row.map((v, j) => 2 * v + (i === j ? 2 * shift : 0))])
  ];
  const d = [0, ...columns.map((c) => 2 * dot(c, target))];
  const A = [[], ...columns.map((_, i) => [0, 1, ...columns.map((__, j) => (i === j ? 1 : 0))])];
  const b0 = [0, 1, ...columns.map(() => 0)];
  const result = solveQP(D, d, A, b0, 1);
  if (result.message) throw new Error(`quadprog: ${result.message}`);
  return result.solution.slice(1);
}
