import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyEdit,
  editedFields,
  hasEdits,
  refuseEdit,
  targetContradictsDirection
} from '../../../src/lib/indicators/edits';
import type { Indicator } from '../../../src/lib/indicators/framework';
import { parseFramework } from '../../../src/lib/indicators/framework-check';

function shipped() {
  const result = parseFramework(readFileSync('datasets/programme/ro21.json', 'utf8'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.framework;
}

const indicator = (id: string): Indicator => shipped().indicators.find((i) => i.id === id)!;
const target = (year: number, value = 100) => ({ year, value, origin: 'evaluator' as const });

describe('a target and its baseline year', () => {
  // Theft's baseline is 2012.
  it('refuses a target before the baseline year, or in it', () => {
    expect(refuseEdit(indicator('theft'), { target: target(2010) })).toEqual({
      reason: 'target-not-after-baseline',
      targetYear: 2010,
      baselineYear: 2012
    });
    expect(refuseEdit(indicator('theft'), { target: target(2012) })).toMatchObject({
      targetYear: 2012
    });
  });

  it('takes a target after the baseline year, and the removal of a target', () => {
    expect(refuseEdit(indicator('theft'), { target: target(2013) })).toBeNull();
    expect(refuseEdit(indicator('theft'), { target: null })).toBeNull();
  });

  it('judges the pair as edited: a baseline moved past the target is refused too', () => {
    const f = applyEdit(shipped(), 'theft', { target: target(2017) });
    const theft = f.indicators.find((i) => i.id === 'theft')!;
    expect(refuseEdit(theft, { baseline: { year: 2018, value: 'from data' } })).toEqual({
      reason: 'target-not-after-baseline',
      targetYear: 2017,
      baselineYear: 2018
    });
    expect(
      refuseEdit(theft, { baseline: { year: 2018, value: 'from data' }, target: target(2020) })
    ).toBeNull();
  });

  it('has nothing to refuse in a reported output, which has no baseline', () => {
    expect(refuseEdit(indicator('good-practice-handbook'), { target: target(1990) })).toBeNull();
  });
});

describe('a target against the desired direction', () => {
  it('is a target above the baseline when a fall is wanted, or below it when a rise is', () => {
    expect(targetContradictsDirection('down', 282.3, target(2017, 400))).toBe(true);
    expect(targetContradictsDirection('down', 282.3, target(2017, 200))).toBe(false);
    expect(targetContradictsDirection('up', 282.3, target(2017, 200))).toBe(true);
    expect(targetContradictsDirection('up', 282.3, target(2017, 400))).toBe(false);
  });

  it('is not a target equal to the baseline, nor one without a baseline to compare', () => {
    expect(targetContradictsDirection('down', 282.3, target(2017, 282.3))).toBe(false);
    expect(targetContradictsDirection('down', null, target(2017, 400))).toBe(false);
    expect(targetContradictsDirection('down', 282.3, null)).toBe(false);
  });
});

describe('an edited direction', () => {
  it('is marked as an edit, and stops being one when set back', () => {
    const f = shipped();
    const edited = applyEdit(f, 'theft', { direction: 'up' });
    const theft = edited.indicators.find((i) => i.id === 'theft')!;
    expect(theft.direction).toBe('up');
    expect(editedFields(f, theft)).toEqual(['direction']);
    const back = applyEdit(edited, 'theft', { direction: 'down' });
    expect(hasEdits(f, back)).toBe(false);
  });

  it('is kept in an exported file that imports back', () => {
    const f = applyEdit(shipped(), 'good-practice-handbook', { direction: 'down' });
    const again = parseFramework(JSON.stringify(f));
    expect(
      again.ok && again.framework.indicators.find((i) => i.id === 'good-practice-handbook')
    ).toMatchObject({ direction: 'down' });
  });
});
