/** Windows of `periods` from a few starts to a few ends, and none at all: marks to compare. */
export function windowsOf(periods: readonly string[]): [string | undefined, string | undefined][] {
  const picks = [0, 1, Math.floor(periods.length / 2), periods.length - 2, periods.length - 1];
  const found: [string | undefined, string | undefined][] = [[undefined, undefined]];
  for (const from of picks)
    for (const to of picks) if (from <= to) found.push([periods[from], periods[to]]);
  return found;
}
