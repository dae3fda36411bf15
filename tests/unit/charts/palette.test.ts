import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignColours } from '$lib/charts/palette';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A theme variable as app.css declares it: each is a light-dark(light, dark) pair. */
function themeVariable(theme: 'light' | 'dark', name: string): string {
  const css = readFileSync(new URL('../../../src/app.css', import.meta.url), 'utf8');
  const match = new RegExp(
    `${name}:\\s*light-dark\\(\\s*(#[0-9a-fA-F]{6}),\\s*(#[0-9a-fA-F]{6})\\s*\\)`
  ).exec(css);
  if (!match) throw new Error(`${name} is not a light-dark() pair in app.css`);
  return theme === 'light' ? match[1] : match[2];
}

const keys = ['RO', 'NO', 'BG', 'HU', 'DE', 'PL', 'AT', 'IT', 'FR', 'ES'];

describe('palette', () => {
  it('gives Romania and Norway the same colours whatever else is on the chart', () => {
    const alone = assignColours(['RO', 'NO']);
    const crowded = assignColours(['DE', 'NO', 'BG', 'RO']);
    expect(crowded.get('RO')).toBe(alone.get('RO'));
    expect(crowded.get('NO')).toBe(alone.get('NO'));
  });

  it('keeps 3:1 against the dark background and surface for every series colour', () => {
    const background = themeVariable('dark', '--bg');
    const surface = themeVariable('dark', '--surface');
    for (const colour of assignColours(keys).values()) {
      expect(contrast(colour, background)).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, surface)).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps Romania and Norway at 3:1 or more in the light theme too', () => {
    const background = themeVariable('light', '--bg');
    const colours = assignColours(['RO', 'NO']);
    for (const colour of colours.values())
      expect(contrast(colour, background)).toBeGreaterThanOrEqual(3);
  });

  it('keeps the bars and dots that are not a series (--mark) at 3:1 in both themes', () => {
    for (const theme of ['light', 'dark'] as const)
      for (const ground of ['--bg', '--surface'])
        expect(
          contrast(themeVariable(theme, '--mark'), themeVariable(theme, ground))
        ).toBeGreaterThanOrEqual(3);
  });
});
