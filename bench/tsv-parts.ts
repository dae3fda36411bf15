/**
 * The Eurostat TSV parse on one core against two, without the rest of the import: the app's
 * reader on the whole file, then the same file cut in two with a helper thread reading the
 * second half, its copy of the bytes and its answer passed by transfer as the import worker
 * does (src/lib/catalog/tsv-on-two-cores.ts, with Node's worker_threads for the browser's
 * Worker), and the halves joined. Interleaved rounds, each checked to give the same rows.
 * Run with `npx tsx bench/tsv-parts.ts [megabytes] [rounds]` (defaults 200 and 5); the TSV is
 * the import bench's, written if it is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import {
  eurostatTsvFromParts,
  planTsvParts,
  readEurostatTsv,
  readTsvPart,
  tsvPartBuffers,
  type TsvHeader,
  type TsvPart
} from '../src/lib/ingest/eurostat-tsv';
import { generatedTsv } from './import-throughput';

const SOURCE = '/tmp/cooperare-bench-data/estat_bench_import_200mb.tsv';
const FILE = 'estat_bench_tsv_parts.tsv';

interface Request {
  bytes: Uint8Array;
  header: TsvHeader;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const megabytes = Number(process.argv[2] ?? 200);
  const rounds = Number(process.argv[3] ?? 5);
  if (!existsSync(SOURCE)) await generatedTsv(200);
  const all = new Uint8Array(readFileSync(SOURCE));
  const bytes = all.subarray(0, all.lastIndexOf(10, megabytes * 1e6 - 1) + 1);
  // Started once, as a page would have it ready; its start is not what is measured.
  // Node's workers do not inherit tsx's loader: the helper registers it, then runs this file.
  const helper = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`,
    { eval: true }
  );
  const answer = () => new Promise<TsvPart>((resolve) => helper.once('message', resolve));
  console.log(`${(bytes.length / 1e6).toFixed(1)} MB; load average ${load()}`);
  const times = { one: [] as number[], two: [] as number[], join: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    let started = performance.now();
    const whole = readEurostatTsv(bytes, FILE);
    times.one.push(performance.now() - started);

    started = performance.now();
    const plan = planTsvParts(bytes, FILE, 2)!;
    const [[firstStart, firstEnd], [secondStart, secondEnd]] = plan.ranges;
    const copy = bytes.slice(secondStart, secondEnd);
    const second = answer();
    helper.postMessage({ bytes: copy, header: plan.header }, [copy.buffer]);
    const first = readTsvPart(bytes.subarray(firstStart, firstEnd), plan.header, FILE);
    const parts = [first, await second];
    const joinStarted = performance.now();
    const joined = eurostatTsvFromParts(parts, plan.header, FILE);
    times.join.push(performance.now() - joinStarted);
    times.two.push(performance.now() - started);
    if (joined.rowCount !== whole.rowCount) throw new Error('the halves lost rows');
    console.log(
      `round ${round + 1}: one core ${times.one[round].toFixed(0)} ms, two ${times.two[round].toFixed(0)} ms ` +
        `(join ${times.join[round].toFixed(0)}), ${whole.rowCount.toLocaleString('en')} rows; load average ${load()}`
    );
  }
  console.log(
    `median: one core ${median(times.one).toFixed(0)} ms, two cores ${median(times.two).toFixed(0)} ms ` +
      `(join ${median(times.join).toFixed(0)}), ratio ${(median(times.two) / median(times.one)).toFixed(2)}`
  );
  await helper.terminate();
}

if (!isMainThread) {
  parentPort!.on('message', ({ bytes, header }: Request) => {
    const part = readTsvPart(bytes, header, FILE);
    parentPort!.postMessage(part, tsvPartBuffers(part));
  });
} else {
  await main();
}
