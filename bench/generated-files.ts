/**
 * Bench only: what the bench's generated data files have in common. They are made from a
 * seeded generator, so every run measures the same file, and written once under /tmp.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';

/** Numbers in [0, 1) from a linear congruential generator: the same sequence for a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

/** `count` consecutive months from January of `firstYear`: 2010-01, 2010-02 … */
export function monthlyPeriods(firstYear: number, count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${firstYear + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
  );
}

/**
 * Returns `file`, writing it first with `fill` if it is not there yet. `fill` is handed a
 * writer that waits while the disk catches up; the text goes to a `.partial` file renamed
 * into place at the end, so an interrupted run never leaves a cut file to be reused.
 */
export async function generatedFile(
  file: string,
  fill: (write: (text: string) => Promise<void>) => Promise<void>
): Promise<string> {
  if (await stat(file).catch(() => null)) return file;
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  await fill((text) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r))
  );
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve()))
  );
  await rename(partial, file);
  return file;
}
