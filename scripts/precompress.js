// Writes a .br and a .gz copy beside each compressible file of a build, for the server to send
// by Accept-Encoding (sirv picks them up). Run after `vite build`: node scripts/precompress.js build
//
// adapter-static's own precompress would do most of this, but it leaves out Arrow files (the
// shipped data) and runs brotli at its slowest setting on DuckDB's 34 MB wasm files: measured
// here, quality 11 took 81 s for one of them against 13 s at quality 9, for 5.19 MB against
// 5.92 MB. Large files therefore get quality 9, and the two cores compress side by side.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.xml',
  '.txt',
  '.wasm',
  '.arrow',
  '.csv',
  '.tsv',
  '.geojson',
  '.topojson',
  '.map'
]);
/** Above this size brotli's quality 11 costs far more time than the bytes it saves. */
const LARGE = 2 * 1024 * 1024;
/** A copy that saves less than this share is not worth a second file. */
const WORTHWHILE = 0.95;

const brotli = promisify(brotliCompress);
const deflate = promisify(gzip);

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && COMPRESSIBLE.has(path.extname(e.name)))
    .map((e) => path.join(e.parentPath, e.name));
}

async function compress(file) {
  const bytes = await readFile(file);
  const quality = bytes.length > LARGE ? 9 : constants.BROTLI_MAX_QUALITY;
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
      }
    }),
    deflate(bytes, { level: 9 })
  ]);
  for (const [suffix, copy] of [
    ['.br', br],
    ['.gz', gz]
  ]) {
    if (copy.length < bytes.length * WORTHWHILE) {
      await writeFile(file + suffix, copy);
    }
  }
  return { raw: bytes.length, br: Math.min(br.length, bytes.length) };
}

const folder = path.resolve(process.argv[2] ?? 'build');
const queue = await filesUnder(folder);
const totals = { files: queue.length, raw: 0, br: 0 };
const started = performance.now();
await Promise.all(
  Array.from({ length: availableParallelism() }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const { raw, br } = await compress(file);
      totals.raw += raw;
      totals.br += br;
    }
  })
);
const mb = (n) => (n / 1e6).toFixed(1);
console.log(
  `Compressed ${totals.files} files in ${folder}: ${mb(totals.raw)} MB → ${mb(totals.br)} MB brotli ` +
    `(${((performance.now() - started) / 1000).toFixed(1)} s)`
);
