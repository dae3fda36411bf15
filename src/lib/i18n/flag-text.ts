import { m } from './messages';

// One message per letter of FLAG_MEANINGS (src/lib/reference/flags.ts): what the screen and the
// downloads (CSV, SVG, PNG) show, in the interface language.
const MEANINGS: Record<string, () => string> = {
  b: m.chart_flag_b,
  c: m.chart_flag_c,
  d: m.chart_flag_d,
  e: m.chart_flag_e,
  f: m.chart_flag_f,
  n: m.chart_flag_n,
  p: m.chart_flag_p,
  r: m.chart_flag_r,
  s: m.chart_flag_s,
  u: m.chart_flag_u,
  z: m.chart_flag_z,
  l: m.chart_flag_l
};

/** "estimated, provisional" for `ep` ("estimat, provizoriu" in Romanian). */
export function describeFlagLocalised(flag: string | null): string {
  if (!flag) return '';
  return [...flag]
    .map((letter) => MEANINGS[letter]?.() ?? m.chart_flag_unknown({ letter }))
    .join(', ');
}
