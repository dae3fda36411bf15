/**
 * An evaluator's changes to the shipped framework. The edited framework is kept whole (it
 * is also what is exported), and what differs from the shipped file is worked out by
 * comparison, so an edit set back to the shipped value stops being marked as an edit.
 */
import type { Achieved, Baseline, Comparator, Framework, Indicator, Target } from './framework';

export type EditableField = 'baseline' | 'target' | 'comparator' | 'achieved';

export interface IndicatorEdit {
  baseline?: Baseline;
  target?: Target | null;
  comparator?: Comparator;
  achieved?: Achieved | null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `indicator` that differ from the shipped file's indicator of the same id. */
export function editedFields(shipped: Framework, indicator: Indicator): EditableField[] {
  const original = shipped.indicators.find((i) => i.id === indicator.id);
  // An indicator the shipped file does not have is the evaluator's own in every field.
  const fields: EditableField[] = [];
  for (const field of ['baseline', 'target', 'comparator', 'achieved'] as const) {
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
