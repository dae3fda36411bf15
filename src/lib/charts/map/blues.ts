/**
 * ColorBrewer's sequential “Blues” scheme (Cynthia Brewer, colorbrewer2.org), 3 to 9 classes,
 * light to dark: the colours d3-scale-chromatic publishes as `schemeBlues`. Written out here
 * because that package's one module builds every scheme and interpolator when imported, which
 * put 16 KB of minified code into the home page for these 42 colours
 * (tests/unit/charts/map-blues.test.ts checks them against the package).
 */
export const BLUES: Readonly<Record<number, readonly string[]>> = {
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
  8: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
  9: [
    '#f7fbff',
    '#deebf7',
    '#c6dbef',
    '#9ecae1',
    '#6baed6',
    '#4292c6',
    '#2171b5',
    '#08519c',
    '#08306b'
  ]
};
