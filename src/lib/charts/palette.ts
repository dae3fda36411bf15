/**
 * Okabe–Ito colours, readable with the common colour-vision deficiencies. Romania and
 * Norway keep their colours on every chart so a reader can follow them across a report.
 * Every colour keeps 3:1 or more against the dark theme's background, so Okabe–Ito's black
 * is a mid grey here and Tol's wine a lighter purple (tests/unit/charts/palette.test.ts).
 */
const FIXED: Record<string, string> = {
  RO: '#0072B2',
  NO: '#D55E00'
};
const OTHERS = [
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#7F7F7F',
  '#999933',
  '#AA4499',
  '#44AA99'
];

/** A colour per key: fixed for RO and NO, then the others in order of appearance. */
export function assignColours(keys: readonly string[]): Map<string, string> {
  const colours = new Map<string, string>();
  let next = 0;
  for (const key of keys) {
    if (colours.has(key)) continue;
    colours.set(key, FIXED[key] ?? OTHERS[next++ % OTHERS.length]);
  }
  return colours;
}
