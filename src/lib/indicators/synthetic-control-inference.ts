/**
 * How much a synthetic control's gap can be trusted: the placebo test in space (each donor
 * treated in turn, its post/pre RMSPE ratio ranked against the treated unit's) and the
 * leave-one-out runs (the fit again without each donor of positive weight).
 */
import {
  seriesByUnit,
  fitUnit,
  type PanelObservation,
  type Fit,
  type SyntheticControl,
  type SyntheticControlError
} from './synthetic-control';

/**
 * Ratios this close to the treated unit's count as equal to it: placebos that tie in exact
 * arithmetic differ in the last digits after rounding, and a tie must count against the
 * treated unit, not fall either way by chance.
 */
const RATIO_TIE = 1e-9;

export interface PlaceboRanking {
  unit: string;
  ratio: number;
  treated: boolean;
}

export type PlaceboInference =
  | {
      kind: 'ok';
      /** One fit per donor treated in turn, for drawing its gaps behind the treated gap. */
      runs: Fit[];
      /** Every ranked ratio, largest first; the treated unit comes after those that tie with it. */
      ranking: PlaceboRanking[];
      /** The treated unit's place in the ranking: 1 + the placebos with a ratio at least as large. */
      rank: number;
      /** rank / (ranked placebos + 1). */
      pValue: number;
      /** 1 / (ranked placebos + 1): the smallest p-value this pool can give. */
      smallestPValue: number;
      /** Placebos that could not be ranked, and why. */
      unranked: { unit: string; message: string }[];
    }
  | { kind: 'error'; reason: 'too-few-donors' | 'no-ratio'; message: string };

/**
 * Placebos in space (Abadie, Diamond and Hainmueller 2010): each donor in turn is treated as if
 * it had had the intervention, with the other donors (never the treated unit) as its pool and
 * the same periods and matching. Each unit's post/pre RMSPE ratio measures how much its gap
 * grows after the start relative to how well it was fitted before.
 *
 * p-value: the share of all ranked units, the treated one included, whose ratio is at least
 * the treated unit's: (1 + #{placebos with ratio ≥ treated ratio}) / (ranked placebos + 1).
 * Ties (to a relative 1e-9) count against the treated unit. With J ranked placebos the smallest attainable value
 * is 1 / (J + 1): 26 donors cannot give less than 1/27 ≈ 0.037, 9 donors no less than 0.1.
 */
export function placeboInSpace(
  panel: readonly PanelObservation[],
  control: SyntheticControl
): PlaceboInference {
  if (control.donors.length < 2)
    return {
      kind: 'error',
      reason: 'too-few-donors',
      message:
        'Placebos need at least 2 donors: each donor in turn is compared with a synthetic control made of the others.'
    };
  if (control.ratio === null)
    return {
      kind: 'error',
      reason: 'no-ratio',
      message: `${control.treated} has no gap after ${control.firstTreatedPeriod} to rank against the placebos.`
    };
  const byUnit = seriesByUnit(panel);
  const runs: Fit[] = [];
  const unranked: { unit: string; message: string }[] = [];
  for (const unit of control.donors) {
    const fit = fitUnit(
      byUnit,
      unit,
      control.donors.filter((d) => d !== unit),
      control.prePeriods,
      control.postPeriods,
      control.matching
    );
    if (fit.kind === 'error') unranked.push({ unit, message: fit.message });
    else {
      runs.push(fit);
      if (fit.ratio === null)
        unranked.push({ unit, message: `${unit} has no gap after ${control.firstTreatedPeriod}.` });
    }
  }
  const placebos = runs.flatMap((r) =>
    r.ratio === null ? [] : [{ unit: r.treated, ratio: r.ratio, treated: false }]
  );
  const own = { unit: control.treated, ratio: control.ratio, treated: true };
  const atLeast = placebos.filter((p) => p.ratio >= own.ratio * (1 - RATIO_TIE));
  const rank = 1 + atLeast.length;
  const below = placebos.filter((p) => !atLeast.includes(p));
  const byRatio = (a: PlaceboRanking, b: PlaceboRanking) =>
    b.ratio - a.ratio || a.unit.localeCompare(b.unit);
  const ranking = [...atLeast.sort(byRatio), own, ...below.sort(byRatio)];
  return {
    kind: 'ok',
    runs,
    ranking,
    rank,
    pValue: rank / (placebos.length + 1),
    smallestPValue: 1 / (placebos.length + 1),
    unranked
  };
}

export interface LeaveOneOutRun {
  /** The donor taken out of the pool. */
  without: string;
  result: Fit | SyntheticControlError;
}

/**
 * Leave-one-out robustness (Abadie, Diamond and Hainmueller 2015): the estimate again without
 * each donor of non-zero weight in turn, same periods and matching. An effect that rests on one
 * donor shows up as one run that differs from the rest.
 */
export function leaveOneOut(
  panel: readonly PanelObservation[],
  control: SyntheticControl
): LeaveOneOutRun[] {
  const byUnit = seriesByUnit(panel);
  return control.weights
    .filter((w) => w.weight > 0)
    .map(({ unit }) => {
      const donors = control.donors.filter((d) => d !== unit);
      return {
        without: unit,
        result:
          donors.length === 0
            ? {
                kind: 'error',
                reason: 'no-donors',
                message: `Without ${unit} no donor is left.`,
                leftOut: []
              }
            : fitUnit(
                byUnit,
                control.treated,
                donors,
                control.prePeriods,
                control.postPeriods,
                control.matching
              )
      };
    });
}
