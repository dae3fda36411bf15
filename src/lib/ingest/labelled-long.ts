/**
 * Shared by the readers of the workbooks that publish labels and no codes (UNODC, Frontex):
 * coding labels, and collecting observations so that each dimension combination and period
 * occurs once, which every query downstream assumes.
 */
import { slugCode } from './slug';
import type { Dimension, LongDataset } from './types';

/** Shown for an empty cell in a dimension column, so its rows stay visible and selectable. */
export const BLANK_LABEL = '(blank)';
const BLANK_CODE = 'blank';

/**
 * Codes for the labels of one dimension. Labels that differ only in capitals, accents or
 * punctuation ("ROMANIA", "Romania") get one code on purpose: UNODC's citizenship categories
 * are typed by hand in each country's return, and these spellings name one thing. The first
 * spelling seen becomes the label.
 */
export class LabelCodes {
  /** Code → label in first-seen order: the shape `Dimension.codes` wants. */
  readonly codes = new Map<string, string>();
  /** Spelling → code, for spellings folded into a code first seen with another spelling. */
  readonly folded = new Map<string, string>();
  private readonly byLabel = new Map<string, string>();

  codeFor(label: string): string {
    const known = this.byLabel.get(label);
    if (known !== undefined) return known;
    const trimmed = label.trim();
    const shown = trimmed === '' ? BLANK_LABEL : trimmed;
    const code = trimmed === '' ? BLANK_CODE : slugCode(trimmed);
    const first = this.codes.get(code);
    if (first === undefined) this.codes.set(code, shown);
    else if (first !== shown) this.folded.set(shown, code);
    this.byLabel.set(label, code);
    return code;
  }
}

/** One dimension combination and period that the file gives more than one value for. */
export interface Conflict {
  codes: string[];
  time: string;
  /** The values in file order, `<5`-style markers written back as the flag. */
  values: { value: number; flag: string | null }[];
}

/**
 * Observations in the long, columnar shape. A repeat of a combination and period with the
 * same value and flag is dropped, as it adds nothing. A repeat with another value leaves the
 * observation empty (NaN, no flag) and is listed in `conflicts`: the file does not say which
 * value is right, and showing either would state something the publisher did not.
 */
export class LongRows {
  readonly codes: string[][];
  readonly time: string[] = [];
  readonly flag: (string | null)[] = [];
  readonly conflicts: Conflict[] = [];
  private value = new Float64Array(1024);
  private readonly rowOf = new Map<string, number>();
  private readonly conflictOf = new Map<number, Conflict>();

  constructor(dimensionCount: number) {
    this.codes = Array.from({ length: dimensionCount }, () => []);
  }

  get rowCount(): number {
    return this.time.length;
  }

  add(codes: readonly string[], time: string, value: number, flag: string | null): void {
    const key = `${codes.join('\u0000')}\u0000${time}`;
    const row = this.rowOf.get(key);
    if (row !== undefined) {
      this.repeat(row, codes, time, value, flag);
      return;
    }
    const at = this.time.length;
    this.rowOf.set(key, at);
    for (let d = 0; d < codes.length; d++) this.codes[d].push(codes[d]);
    this.time.push(time);
    this.flag.push(flag);
    if (at === this.value.length) {
      const larger = new Float64Array(this.value.length * 2);
      larger.set(this.value);
      this.value = larger;
    }
    this.value[at] = value;
  }

  private repeat(
    row: number,
    codes: readonly string[],
    time: string,
    value: number,
    flag: string | null
  ): void {
    const conflict = this.conflictOf.get(row);
    if (conflict) {
      conflict.values.push({ value, flag });
      return;
    }
    if (Object.is(this.value[row], value) && this.flag[row] === flag) return;
    const found: Conflict = {
      codes: [...codes],
      time,
      values: [
        { value: this.value[row], flag: this.flag[row] },
        { value, flag }
      ]
    };
    this.conflicts.push(found);
    this.conflictOf.set(row, found);
    this.value[row] = NaN;
    this.flag[row] = null;
  }

  /** The dataset, with the file's metadata and the dimensions aligned with `codes`. */
  build(
    dimensions: Dimension[],
    meta: Pick<LongDataset, 'tableCode' | 'title' | 'lastUpdate' | 'format' | 'fileName'>,
    caveats: string[]
  ): LongDataset {
    return {
      ...meta,
      dimensions,
      rowCount: this.rowCount,
      codes: this.codes,
      time: this.time,
      value: this.value.slice(0, this.rowCount),
      flag: this.flag,
      ...(caveats.length > 0 ? { caveats } : {})
    };
  }
}

/**
 * The caveat for the combinations left empty, with one example; `describe` writes a value as
 * the file does (UNODC's `<5`). Null when there are none.
 */
export function conflictCaveat(
  conflicts: Conflict[],
  dimensions: Dimension[],
  describe: (observation: { value: number; flag: string | null }) => string
): string | null {
  if (conflicts.length === 0) return null;
  const [example] = conflicts;
  const labels = example.codes.map((code, d) => dimensions[d].codes.get(code) ?? code);
  const names = dimensions.map((d) => d.label.toLowerCase()).join(', ');
  const many = conflicts.length > 1;
  return (
    `${conflicts.length.toLocaleString('en')} combination${many ? 's' : ''} of ${names} and period ` +
    `${many ? 'appear' : 'appears'} more than once with different values ` +
    `(e.g. ${labels.join(', ')}, ${example.time}: ${example.values.map(describe).join(' and ')}); ` +
    `${many ? 'they are' : 'it is'} left empty because the file does not say which value is right.`
  );
}

/** The caveat for spellings shown under another one, with up to three examples; or null. */
export function foldedCaveat(dimension: Dimension, codes: LabelCodes): string | null {
  const { size } = codes.folded;
  if (size === 0) return null;
  const examples = [...codes.folded]
    .slice(0, 3)
    .map(([spelling, code]) => `“${spelling}” as “${dimension.codes.get(code)}”`);
  return (
    `${size} ${dimension.label} label${size > 1 ? 's that differ' : ' that differs'} from another only in ` +
    `capitals, accents or punctuation ${size > 1 ? 'are' : 'is'} shown under the first spelling ` +
    `(${examples.join(', ')}).`
  );
}
