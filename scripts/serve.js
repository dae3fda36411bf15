// A small static server for the built app: SPA fallback, correct types for .wasm,
// byte ranges (DuckDB and remote Parquet read parts of files), and no caching surprises.
// Usage: node scripts/serve.js [folder=build] [--port 4173]
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const args = process.argv.slice(2);
const portFlag = args.indexOf('--port');
const port = portFlag >= 0 ? Number(args[portFlag + 1]) : Number(process.env.PORT ?? 4173);
const folder = path.resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port') ?? 'build'
);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.parquet': 'application/vnd.apache.parquet',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.webmanifest': 'application/manifest+json'
};

async function resolveFile(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const candidate = path.normalize(path.join(folder, decoded));
  if (!candidate.startsWith(folder)) return null;
  try {
    const info = await stat(candidate);
    if (info.isFile()) return { file: candidate, size: info.size };
    if (info.isDirectory()) {
      const index = path.join(candidate, 'index.html');
      const indexInfo = await stat(index).catch(() => null);
      if (indexInfo?.isFile()) return { file: index, size: indexInfo.size };
    }
  } catch {
    // not found: fall through to the SPA page for routes, 404 for files
  }
  return null;
}

const server = createServer(async (request, response) => {
  const urlPath = request.url ?? '/';
  let found = await resolveFile(urlPath);
  const looksLikeFile = path.extname(urlPath.split('?')[0]) !== '';
  if (!found && !looksLikeFile) found = await resolveFile('/index.html');
  if (!found) {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found');
    return;
  }
  const type = TYPES[path.extname(found.file)] ?? 'application/octet-stream';
  const headers = {
    'content-type': type,
    'accept-ranges': 'bytes',
    'cache-control': found.file.includes('/_app/immutable/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'x-content-type-options': 'nosniff'
  };
  const range = request.headers.range?.match(/^bytes=(\d*)-(\d*)$/);
  if (range) {
    const start = range[1] === '' ? Math.max(0, found.size - Number(range[2])) : Number(range[1]);
    const end =
      range[1] !== '' && range[2] !== ''
        ? Math.min(Number(range[2]), found.size - 1)
        : found.size - 1;
    if (start > end || start >= found.size) {
      response.writeHead(416, { 'content-range': `bytes */${found.size}` });
      response.end();
      return;
    }
    response.writeHead(206, {
      ...headers,
      'content-range': `bytes ${start}-${end}/${found.size}`,
      'content-length': end - start + 1
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(found.file, { start, end }).pipe(response);
    return;
  }
  response.writeHead(200, { ...headers, 'content-length': found.size });
  if (request.method === 'HEAD') return response.end();
  createReadStream(found.file).pipe(response);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Cooperare is served from ${folder} at http://127.0.0.1:${port}/`);
});
