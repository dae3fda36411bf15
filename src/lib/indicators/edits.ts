/**
 * An evaluator's changes to the shipped framework. The edited framework is kept whole (it
 * is also what is exported), and what differs from the shipped file is worked out by
 * comparison, so an edit set back to the shipped value stops being marked as an edit.
 */
import type {
  Achieved,
  Baseline,
  Comparator,
  Direction,
  Framework,
  Indicator,
  Target
} from './framework';

const EDITABLE = ['baseline', 'target', 'comparator', 'achieved', 'direction'] as const;

export type EditableField = (typeof EDITABLE)[number];

export interface IndicatorEdit {
  baseline?: Baseline;
  target?: Target | null;
  comparator?: Comparator;
  achieved?: Achieved | null;
  direction?: Direction;
}

/** Why an edit is not saved, for the page to say in the reader's language. */
export interface EditRefusal {
  reason: 'target-not-after-baseline';
  targetYear: number;
  baselineYear: number;
}

/**
 * Whether `edit`, applied to `indicator`, leaves a framework the status rule can read. A
 * target must come after the baseline: the path to it starts at the baseline, and a target
 * in the baseline year or before it names no path at all.
 */
export function refuseEdit(indicator: Indicator, edit: IndicatorEdit): EditRefusal | null {
  if (indicator.kind !== 'statistic') return null;
  const target = edit.target === undefined ? indicator.target : edit.target;
  const baselineYear = (edit.baseline ?? indicator.baseline).year;
  if (target && target.year <= baselineYear)
    return { reason: 'target-not-after-baseline', targetYear: target.year, baselineYear };
  return null;
}

/**
 * Whether a target points the other way from the desired direction: above the baseline
 * when a fall is wanted, or below it when a rise is. Such a target is kept (an evaluator
 * may mean it) but flagged, since reaching it would be a move the wrong way.
 */
export function targetContradictsDirection(
  direction: Direction,
  baseline: number | null,
  target: Target | null
): boolean {
  if (baseline === null || target === null) return false;
  return direction === 'down' ? target.value > baseline : target.value < baseline;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `indicator` that differ from the shipped file's indicator of the same id. */
export function editedFields(shipped: Framework, indicator: Indicator): EditableField[] {
  const original = shipped.indicators.find((i) => i.id === indicator.id);
  // An indicator the shipped file does not have is the evaluator's own in every field.
  const fields: EditableField[] = [];
  for (const field of EDITABLE) {
    const a = original ? (original as unknown as Record<string, unknown>)[field] : undefined;
    const b = (indicator as unknown as Record<string, unknown>)[field];
    if ((a !== undefined || b !== undefined) && !same(a, b)) fields.push(field);
  }
  return fields;
}

/** Whether anything in `current` differs from the shipped file. */
export function hasEdits(shipped: Framework, current: Framework): boolean {
  return !same(shipped, current);
}

/**
 * The framework with one indicator's fields replaced. Values an evaluator enters are
 * marked as theirs: a target or achieved value gets origin "evaluator", and so does a
 * baseline given as a number.
 */
export function applyEdit(framework: Framework, id: string, edit: IndicatorEdit): Framework {
  const indicators = framework.indicators.map((indicator): Indicator => {
    if (indicator.id !== id) return indicator;
    const next = { ...indicator } as Indicator;
    if (edit.target !== undefined)
      next.target = edit.target && { ...edit.target, origin: 'evaluator' };
    if (edit.direction) next.direction = edit.direction;
    if (next.kind === 'statistic') {
      if (edit.baseline)
        next.baseline =
          edit.baseline.value === 'from data'
            ? { year: edit.baseline.year, value: 'from data' }
            : { ...edit.baseline, origin: 'evaluator' };
      if (edit.comparator) next.comparator = edit.comparator;
    } else if (edit.achieved !== undefined) {
      next.achieved = edit.achieved && { ...edit.achieved, origin: 'evaluator' };
    }
    return next;
  });
  return { ...framework, indicators };
}
