/** The parts of quadprog (a port of R's quadprog, Goldfarb–Idnani) the tests use; 1-based arrays. */
declare module 'quadprog' {
  export function solveQP(
    Dmat: number[][],
    dvec: number[],
    Amat: number[][],
    bvec: number[],
    meq?: number
  ): { solution: number[]; value: number[]; message: string };
}
