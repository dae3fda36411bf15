/**
 * npm run bench:engine [-- --runs 20 --regenerate]
 *
 * The server engine at scale (bench/engine-synthetic.ts): the 100-million-row SYNTHETIC
 * table served by `npm run engine` in a child process and queried over HTTP through
 * RemoteEngine with the explorer's own SQL builders. Prints the time of the first run and
 * p50/p95 of the rest for each query, and the engine process's memory (resident set after
 * start, after the queries and at its peak), and writes bench/results/engine-<date>.json.
 * Figures only: nothing here passes or fails a build. `npm run bench` measures the same
 * dataset through /explore as well.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RemoteEngine } from '../src/lib/db/remote-engine';
import {
  MEMORY_LIMIT,
  QUERIES,
  ROWS,
  TABLE,
  THREADS,
  concurrent,
  measure,
  memory,
  startEngine,
  syntheticDatabase,
  type Measured
} from '../bench/engine-synthetic';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const RUNS = Math.max(5, Number(argv[argv.indexOf('--runs') + 1]) || 20);

async function main(): Promise<void> {
  const generated = await syntheticDatabase(argv.includes('--regenerate'));
  const { child, url, startSeconds, runs: runsBuilt } = await startEngine();
  try {
    const pid = child.pid!;
    const idle = await memory(pid);
    const runs = await runsBuilt;
    const withRuns = await memory(pid);
    console.log(
      `table of runs: ${runs.rows} rows, built in ${runs.seconds.toFixed(1)} s ` +
        `(ready ${runs.readySeconds.toFixed(1)} s after start); RSS ${withRuns.rssMiB.toFixed(0)} MiB`
    );
    const engine = new RemoteEngine(url);
    const measured: Measured[] = [];
    for (const query of QUERIES) {
      const result = await measure(engine, query, RUNS);
      measured.push(result);
      console.log(
        `${result.name.padEnd(36)} ${String(result.rows).padStart(6)} rows  first ` +
          `${result.firstMs.toFixed(0).padStart(6)} ms  p50 ${result.p50Ms.toFixed(0).padStart(5)} ms` +
          `  p95 ${result.p95Ms.toFixed(0).padStart(5)} ms`
      );
    }
    const together = await concurrent(engine, 4, RUNS);
    console.log(
      `${together.clients} clients at once, series of one region: ${together.perSecond.toFixed(1)} ` +
        `queries/s, p50 ${together.p50Ms.toFixed(0)} ms, p95 ${together.p95Ms.toFixed(0)} ms`
    );
    const after = await memory(pid);
    const report = {
      date: new Date().toISOString(),
      synthetic: true,
      rows: ROWS,
      table: TABLE,
      databaseFile: { bytes: generated.bytes, generatedSeconds: generated.seconds },
      engine: { memoryLimit: MEMORY_LIMIT, threads: THREADS, startSeconds },
      runs,
      memoryMiB: {
        afterStart: idle.rssMiB,
        afterRuns: withRuns.rssMiB,
        afterQueries: after.rssMiB,
        peak: after.peakMiB
      },
      loadAverage: os.loadavg(),
      cpus: os.cpus().length,
      queries: measured,
      concurrent: together
    };
    console.log(
      `database file ${(generated.bytes / 2 ** 30).toFixed(2)} GiB` +
        (generated.seconds === null
          ? ' (reused)'
          : `, generated in ${generated.seconds.toFixed(0)} s`) +
        ` · engine up in ${startSeconds.toFixed(1)} s · RSS after start ${idle.rssMiB.toFixed(0)} MiB,` +
        ` after queries ${after.rssMiB.toFixed(0)} MiB, peak ${after.peakMiB.toFixed(0)} MiB` +
        ` · load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${os.cpus().length} cores`
    );
    const out = path.join(
      root,
      'bench',
      'results',
      `engine-${report.date.slice(0, 16).replace(':', '')}.json`
    );
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${path.relative(root, out)}`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
