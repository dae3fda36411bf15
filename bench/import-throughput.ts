/**
 * Import throughput as a user meets it: a generated 200 MB Eurostat TSV given to the /data
 * page's file input, through the import worker (read, parse, describe, Arrow) and the load of
 * the table into DuckDB, until the page reports it imported (queryable); then the first query
 * on it (the preview). Saving for the next visit runs beside the load and is timed too. The
 * stages come from the page's `cooperare:import-*` marks (src/lib/catalog/import-flow.svelte.ts).
 * Run by scripts/bench.ts.
 */
import type { Browser } from '@playwright/test';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { generatedFile, monthlyPeriods, seededRandom } from './generated-files';

const RUNS = 3;

/** The file's name makes the import call the dataset by this id. */
const datasetId = (megabytes: number) => `bench_import_${megabytes}mb`;

/**
 * About `megabytes` MB in Eurostat's TSV layout: one line per series (997 offence codes ×
 * as many countries as it takes), 120 months, a value with a trailing space, 15 % bare `:`
 * gaps and 5 % `p` flags, as the published bulk files have them. Written once and reused.
 */
export async function generatedTsv(megabytes: number): Promise<string> {
  const file = `/tmp/cooperare-bench-data/estat_${datasetId(megabytes)}.tsv`;
  return generatedFile(file, async (write) => {
    const periods = monthlyPeriods(2010, 120);
    const next = seededRandom(21);
    const header = `freq,iccs,unit,geo\\TIME_PERIOD\t${periods.join(' \t')} \n`;
    await write(header);
    let size = header.length;
    let lines: string[] = [];
    for (let line = 0; size < megabytes * 1e6; line++) {
      const cells = [`M,ICCS${String(line % 997).padStart(4, '0')},NR,G${Math.floor(line / 997)}`];
      for (let p = 0; p < periods.length; p++) {
        const r = next();
        const value = Math.floor(r * 10000);
        cells.push(r < 0.15 ? ': ' : r < 0.2 ? `${value} p` : `${value} `);
      }
      const text = cells.join('\t');
      lines.push(text);
      size += text.length + 1;
      if (lines.length === 2000) {
        await write(`${lines.join('\n')}\n`);
        lines = [];
      }
    }
    await write(lines.length ? `${lines.join('\n')}\n` : '');
  });
}

export interface ImportRun {
  /** From choosing the file to the page's report that it is imported (queryable). */
  totalMs: number;
  /** The worker reading the file's bytes. */
  readMs: number;
  /** The reader turning the text into columns. */
  parseMs: number;
  /** Counting the description and writing the Arrow stream, then handing it to the page. */
  describeArrowMs: number;
  /** From the worker's stream reaching the page to the table loaded into DuckDB. */
  loadMs: number;
  /** From the stream reaching the page to its save for the next visit being over (beside the load). */
  keepMs: number;
  /** The first query afterwards (the preview), from its click to its rows. */
  firstQueryMs: number;
  /** From choosing the file to the first query's rows on screen. */
  toFirstRowsMs: number;
  rows: number;
}

export interface ImportThroughput {
  bytes: number;
  rows: number;
  medianMs: number;
  bestMs: number;
  mbPerSecond: number;
  rowsPerSecond: number;
  bestMbPerSecond: number;
  /** Median time from choosing the file to the first query's rows. */
  toFirstRowsMs: number;
  runs: ImportRun[];
}

async function importOnce(
  browser: Browser,
  origin: string,
  file: string,
  id: string
): Promise<ImportRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`/data: ${error.message}`));
    await page.goto(`${origin}/data`);
    const input = page.getByTestId('import-file');
    await input.waitFor({ state: 'attached' });
    await input.setInputFiles(file);
    const report = page.getByRole('status').filter({ hasText: `“${id}”` });
    const problem = page.getByRole('alert').filter({ hasText: path.basename(file) });
    await report.or(problem).first().waitFor({ timeout: 600_000 });
    if (await problem.count()) throw new Error(`Import failed: ${await problem.innerText()}`);
    const rows = Number(
      await page.locator(`article[data-dataset="${id}"] dd[data-rows]`).getAttribute('data-rows')
    );
    const preview = page.locator(`article[data-dataset="${id}"] details.preview`);
    const queryStart = Date.now();
    await preview.locator('summary').click();
    await preview.locator('tbody tr').first().waitFor({ timeout: 600_000 });
    const firstQueryMs = Date.now() - queryStart;
    const rowsAt = await page.evaluate(() => performance.now());
    // The save may still be running: the context must stay open until it is over.
    await page.waitForFunction(
      () => performance.getEntriesByName('cooperare:import-kept').length > 0,
      null,
      { timeout: 600_000 }
    );
    const marks = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('cooperare:import-'))
          .map((m) => [m.name.slice('cooperare:import-'.length), m.startTime])
      )
    );
    return {
      totalMs: marks.imported - marks.start,
      readMs: marks.parsing - marks.start,
      parseMs: marks.storing - marks.parsing,
      describeArrowMs: marks.parsed - marks.storing,
      loadMs: marks.imported - marks.parsed,
      keepMs: marks.kept - marks.parsed,
      firstQueryMs,
      toFirstRowsMs: rowsAt - marks.start,
      rows
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2;
};

/** Three cold imports of the generated file, each in a fresh browser context. */
export async function importThroughput(
  browser: Browser,
  origin: string,
  megabytes: number
): Promise<ImportThroughput> {
  const file = await generatedTsv(megabytes);
  const bytes = (await stat(file)).size;
  const runs: ImportRun[] = [];
  for (let i = 0; i < RUNS; i++)
    runs.push(await importOnce(browser, origin, file, datasetId(megabytes)));
  const medianMs = median(runs.map((r) => r.totalMs));
  const bestMs = Math.min(...runs.map((r) => r.totalMs));
  const rows = runs[0].rows;
  return {
    bytes,
    rows,
    medianMs,
    bestMs,
    mbPerSecond: bytes / 1e6 / (medianMs / 1000),
    rowsPerSecond: rows / (medianMs / 1000),
    bestMbPerSecond: bytes / 1e6 / (bestMs / 1000),
    toFirstRowsMs: median(runs.map((r) => r.toFirstRowsMs)),
    runs
  };
}

/** The bench's line for the import. */
/**
 * What the DuckDB load alone allows: the file's MB over the median time duckdb-wasm took to
 * take the finished Arrow stream, before any reading or parsing is counted.
 */
export function loadCeilingMbPerSecond(result: ImportThroughput): number {
  return result.bytes / 1e6 / (median(result.runs.map((r) => r.loadMs)) / 1000);
}

export function importLine(result: ImportThroughput): string {
  const ms = (values: number[]) => `${Math.round(median(values))} ms`;
  const of = (pick: (run: ImportRun) => number) => ms(result.runs.map(pick));
  return (
    `import ${(result.bytes / 1e6).toFixed(0)} MB Eurostat TSV through /data, ${result.rows.toLocaleString('en')} rows: ` +
    `${result.mbPerSecond.toFixed(1)} MB/s to queryable, ${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s ` +
    `(median of ${result.runs.length} ${Math.round(result.medianMs)} ms, best ${result.bestMbPerSecond.toFixed(1)} MB/s; ` +
    `read ${of((r) => r.readMs)}, parse ${of((r) => r.parseMs)}, describe + Arrow ${of((r) => r.describeArrowMs)}, ` +
    `load into DuckDB ${of((r) => r.loadMs)}, beside it save ${of((r) => r.keepMs)}) · ` +
    `first query ${of((r) => r.firstQueryMs)} after that; file to first rows ${Math.round(result.toFirstRowsMs)} ms ` +
    `(${(result.bytes / 1e6 / (result.toFirstRowsMs / 1000)).toFixed(1)} MB/s)`
  );
}
