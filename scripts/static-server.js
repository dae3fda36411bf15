// The HTTP server behind `npm start`: sirv serves the built app (SPA fallback, ETag and
// Last-Modified, the gzip and brotli files written at build time); this module adds what sirv
// leaves to its caller, each for a reason named where it is done.
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

/** Build files whose names carry a content hash: they never change under their name. */
const HASHED = '/_app/immutable/';

/** What the engine proxy forwards (the engine's whole public protocol), and nothing else. */
const ENGINE_ROUTES = new Map([
  ['/query', 'POST'],
  ['/datasets', 'GET']
]);
const ENGINE_PREFIX = '/engine';

/**
 * Headers every response carries.
 * - COOP and COEP make the page cross-origin isolated, which DuckDB's threaded build needs.
 *   COEP's require-corp still lets the page fetch Eurostat's API, whose answers carry CORS
 *   headers; and COOP does not apply inside an iframe, so /embed still opens in another
 *   site's page.
 * - CORP cross-origin lets a host page that is itself isolated embed our charts.
 */
const SHARED_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'X-Content-Type-Options': 'nosniff'
};

/** Types sirv's table lacks or gives otherwise. */
const TYPES = {
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.parquet': 'application/vnd.apache.parquet',
  '.webmanifest': 'application/manifest+json',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8'
};

/**
 * @typedef {{ abs: string, size: number, mtime: Date }} BuiltFile
 * @typedef {{ folder: string, engine?: string }} ServerOptions
 */

/**
 * Every file of the build, by its URL path, listed once at start. A request can only ever
 * name one of these, so no path it spells (dots, encoded slashes, a sibling folder whose
 * name begins like ours) reaches anything else on the disk.
 * @param {string} folder
 * @returns {Map<string, BuiltFile>}
 */
function listFiles(folder) {
  /** @type {Map<string, BuiltFile>} */
  const files = new Map();
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile()) {
        const info = statSync(abs);
        const urlPath = '/' + path.relative(folder, abs).split(path.sep).join('/');
        files.set(urlPath, { abs, size: info.size, mtime: info.mtime });
      }
    }
  };
  walk(folder);
  return files;
}

/**
 * The one byte range a Range header asks for, explicit (`bytes=0-99`, `bytes=100-`) or a
 * suffix (`bytes=-10`, the last ten bytes); null where the header asks for none we serve
 * (several ranges, another unit, nonsense), in which case the whole file is sent, as
 * RFC 9110 allows. 'unsatisfiable' where the range lies wholly past the end.
 * @param {string} header
 * @param {number} size
 * @returns {{ start: number, end: number } | 'unsatisfiable' | null}
 */
export function byteRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const length = Number(match[2]);
    if (length === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== '' && Number(match[2]) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/**
 * The decoded path of a request, or why it is refused: 400 for a URL that does not decode,
 * 404 for one that tries to climb out of the folder or carries a NUL byte.
 * @param {string} url
 * @returns {{ path: string } | { status: 400 | 404 }}
 */
export function requestPath(url) {
  const raw = url.split('?')[0].split('#')[0];
  let decoded;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { status: 400 };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) {
    return { status: 404 };
  }
  if (decoded.split('/').some((segment) => segment === '..')) return { status: 404 };
  return { path: decoded };
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} text
 */
function plain(response, status, text) {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, {
    ...SHARED_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store'
  });
  response.end(text);
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {string} urlPath
 */
function setCommonHeaders(response, urlPath) {
  for (const [name, value] of Object.entries(SHARED_HEADERS)) response.setHeader(name, value);
  response.setHeader(
    'Cache-Control',
    urlPath.startsWith(HASHED) ? 'public, max-age=31536000, immutable' : 'no-cache'
  );
  const type = TYPES[/** @type {keyof typeof TYPES} */ (path.extname(urlPath))];
  if (type) response.setHeader('Content-Type', type);
  response.setHeader('Accept-Ranges', 'bytes');
}

/**
 * sirv answers a suffix range from the start of the file and `bytes=0-0` with the whole
 * file, and would send a range of the compressed file; remote Parquet reads and DuckDB
 * depend on ranges being exact, so ranges are answered here, always from the file as it is.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {BuiltFile} file
 * @param {{ start: number, end: number } | 'unsatisfiable'} range
 * @param {string} urlPath
 */
function sendRange(request, response, file, range, urlPath) {
  setCommonHeaders(response, urlPath);
  if (range === 'unsatisfiable') {
    response.writeHead(416, { 'Content-Range': `bytes */${file.size}` });
    response.end();
    return;
  }
  response.writeHead(206, {
    'Content-Type': response.getHeader('Content-Type') ?? 'application/octet-stream',
    'Content-Range': `bytes ${range.start}-${range.end}/${file.size}`,
    'Content-Length': range.end - range.start + 1,
    'Last-Modified': file.mtime.toUTCString(),
    ETag: `W/"${file.size}-${file.mtime.getTime()}"`
  });
  if (request.method === 'HEAD') return response.end();
  const stream = createReadStream(file.abs, { start: range.start, end: range.end });
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

/**
 * Forwards the engine's two routes to the engine, so the page reaches it on its own origin
 * and the CSP's `connect-src 'self'` holds.
 * @param {string} engine
 * @param {string} route
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
function proxyToEngine(engine, route, request, response) {
  const expected = ENGINE_ROUTES.get(route);
  const json = (/** @type {number} */ status, /** @type {string} */ error) => {
    if (response.headersSent) return response.destroy();
    response.writeHead(status, {
      ...SHARED_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store'
    });
    response.end(JSON.stringify({ error }));
  };
  if (!expected) return json(404, `The data server has no ${route}.`);
  if (request.method !== expected) {
    return json(405, `${route} on the data server takes ${expected} requests.`);
  }
  const target = new URL(engine.replace(/\/$/, '') + route);
  const outgoing = httpRequest(target, {
    method: request.method,
    headers: {
      'content-type': request.headers['content-type'] ?? 'application/json',
      ...(request.headers['content-length']
        ? { 'content-length': request.headers['content-length'] }
        : {}),
      accept: request.headers.accept ?? '*/*'
    }
  });
  outgoing.on('response', (answer) => {
    response.writeHead(answer.statusCode ?? 502, {
      ...SHARED_HEADERS,
      'Content-Type': answer.headers['content-type'] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      ...(answer.headers['retry-after'] ? { 'Retry-After': answer.headers['retry-after'] } : {})
    });
    answer.pipe(response);
    answer.on('error', () => response.destroy());
  });
  outgoing.on('error', () => json(502, `The data server at ${engine} does not answer.`));
  request.on('error', () => outgoing.destroy());
  request.pipe(outgoing);
}

/**
 * The server for a built folder. It is not yet listening; call `listen` on it.
 * @param {ServerOptions} options
 */
export function createStaticServer({ folder, engine }) {
  const root = path.resolve(folder);
  const files = listFiles(root);
  const serveFile = sirv(root, {
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    single: true,
    setHeaders: (response, urlPath) => setCommonHeaders(response, urlPath)
  });

  const server = createServer((request, response) => {
    try {
      const url = request.url ?? '/';
      const asked = requestPath(url);
      if ('status' in asked) {
        return plain(response, asked.status, asked.status === 400 ? 'Bad request' : 'Not found');
      }
      if (engine && (asked.path === ENGINE_PREFIX || asked.path.startsWith(ENGINE_PREFIX + '/'))) {
        return proxyToEngine(engine, asked.path.slice(ENGINE_PREFIX.length), request, response);
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('Allow', 'GET, HEAD');
        return plain(response, 405, 'Method not allowed');
      }
      const file = files.get(asked.path);
      const range =
        file && request.headers.range ? byteRange(request.headers.range, file.size) : null;
      if (file && range) return sendRange(request, response, file, range, asked.path);
      // sirv reads the raw URL itself; it gets one without a Range header it would misread.
      delete request.headers.range;
      serveFile(request, response, () => {
        plain(response, 404, 'Not found');
      });
    } catch {
      plain(response, 500, 'Internal error');
    }
  });
  // A request line Node cannot parse closes that connection, never the process.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
