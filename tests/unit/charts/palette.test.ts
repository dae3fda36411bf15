import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignColours } from '$lib/charts/palette';
import {
  contrast,
  labelFill,
  PAGE_BACKGROUNDS,
  readableOn,
  TEXT_CONTRAST
} from '$lib/charts/contrast';

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

  it('labels every series in text readable at 4.5:1 on both page backgrounds', () => {
    expect(PAGE_BACKGROUNDS.light).toBe(themeVariable('light', '--bg'));
    expect(PAGE_BACKGROUNDS.dark).toBe(themeVariable('dark', '--bg'));
    for (const colour of assignColours(keys).values())
      for (const ground of Object.values(PAGE_BACKGROUNDS))
        expect(contrast(readableOn(colour, ground), ground)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    // Romania's blue reads on white as it is; on the dark page it is lightened.
    expect(readableOn('#0072B2', PAGE_BACKGROUNDS.light)).toBe('#0072b2');
    expect(contrast('#0072B2', PAGE_BACKGROUNDS.dark)).toBeLessThan(TEXT_CONTRAST);
    expect(labelFill('#0072B2')).toMatch(/^light-dark\(#0072b2, #[0-9a-f]{6}\)$/);
  });
});
