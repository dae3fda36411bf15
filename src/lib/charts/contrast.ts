/**
 * Text in a series' colour must stay readable: WCAG asks 4.5:1 for text, while a line or a
 * bar needs only 3:1. A series label therefore takes its line's colour, darkened on the light
 * page or lightened on the dark one just as far as that takes.
 */

/** The page backgrounds of src/app.css (`--bg`), light and dark; a test keeps them in step. */
export const PAGE_BACKGROUNDS = { light: '#ffffff', dark: '#121417' } as const;

/** WCAG's ratio for text of ordinary size. */
export const TEXT_CONTRAST = 4.5;

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

const toHex = (rgb: readonly number[]) =>
  `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/**
 * `colour` mixed towards black (on a light background) or white (on a dark one) in steps of
 * 5 %, until it reaches `ratio` against `background`; unchanged when it already does.
 */
export function readableOn(colour: string, background: string, ratio = TEXT_CONTRAST): string {
  const target = luminance(background) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  const start = channels(colour);
  for (let step = 0; step <= 20; step++) {
    const share = step / 20;
    const mixed = toHex(start.map((c, i) => c + (target[i] - c) * share));
    if (contrast(mixed, background) >= ratio) return mixed;
  }
  return toHex(target);
}

/** A CSS `fill` for text in a series' colour, readable in the light and the dark theme. */
export function labelFill(colour: string): string {
  return `light-dark(${readableOn(colour, PAGE_BACKGROUNDS.light)}, ${readableOn(colour, PAGE_BACKGROUNDS.dark)})`;
}
