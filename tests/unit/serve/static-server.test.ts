import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteRange, createStaticServer, requestPath } from '../../../scripts/static-server.js';

// A build folder made for the test, with a sibling whose name begins like the build's: the
// hole the old server had was a prefix check that let `/..%2Fbuild-secret/…` through.
const scratch = mkdtempSync(path.join(tmpdir(), 'cooperare-serve-'));
const folder = path.join(scratch, 'build');
const SECRET = 'not for the web';
const INDEX = '<!doctype html><title>Cooperare</title>';
const script = 'export const words = "' + 'compressible text '.repeat(400) + '";\n';
const data = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let server: Server;
let origin: string;

/** Sends the path exactly as written (no URL normalisation on the way), as an attacker would. */
function send(
  rawPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
  to = origin
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(to + '/', { method, headers, path: rawPath }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes bytes straight to the socket: a request line Node's client would refuse to send. */
function sendRaw(text: string): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}

async function stillServes() {
  const answer = await send('/');
  expect(answer.status).toBe(200);
  expect(answer.body.toString()).toBe(INDEX);
}

beforeAll(async () => {
  mkdirSync(path.join(folder, '_app', 'immutable', 'chunks'), { recursive: true });
  mkdirSync(path.join(scratch, 'build-secret'));
  writeFileSync(path.join(scratch, 'build-secret', 'x.txt'), SECRET);
  writeFileSync(path.join(scratch, 'secret.txt'), SECRET);
  writeFileSync(path.join(folder, 'index.html'), INDEX);
  writeFileSync(path.join(folder, '_app', 'immutable', 'chunks', 'app.js'), script);
  writeFileSync(path.join(folder, 'data.arrow'), data);
  writeFileSync(path.join(folder, 'engine.wasm'), data);
  execFileSync('node', ['scripts/precompress.js', folder]);
  server = createStaticServer({ folder });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('requests that try to leave the build', () => {
  it.each([
    '/..%2Fbuild-secret/x.txt',
    '/../build-secret/x.txt',
    '/%2e%2e/build-secret/x.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%5Csecret.txt',
    '/_app/..%2F..%2F..%2Fsecret.txt',
    '/index.html%00.js'
  ])('%s gets 404 and no byte of the file', async (rawPath) => {
    const answer = await send(rawPath);
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).not.toContain(SECRET);
    await stillServes();
  });
});

describe('requests that would have stopped the old server', () => {
  it('a URL that does not decode gets 400, and the server answers the next request', async () => {
    const answer = await send('/%E0%A4%A');
    expect(answer.status).toBe(400);
    await stillServes();
  });

  it('a request line that is not HTTP gets 400, and the server answers the next request', async () => {
    const answer = await sendRaw('GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(await sendRaw('NONSENSE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    await stillServes();
  });

  it('a method other than GET or HEAD gets 405', async () => {
    const answer = await send('/', {}, 'POST', 'x');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
    await stillServes();
  });
});

describe('pages and files', () => {
  it('a route of the app gets the app page, cross-origin isolated', async () => {
    const answer = await send('/explore?ds=crim_off_cat');
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(INDEX);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(answer.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(answer.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(answer.headers['cache-control']).toBe('no-cache');
  });

  it('a missing file gets 404, not the app page', async () => {
    const answer = await send('/_app/immutable/chunks/gone.js');
    expect(answer.status).toBe(404);
  });

  it('types are right for wasm, Arrow and JavaScript', async () => {
    expect((await send('/engine.wasm')).headers['content-type']).toBe('application/wasm');
    expect((await send('/data.arrow')).headers['content-type']).toBe(
      'application/vnd.apache.arrow.stream'
    );
    expect((await send('/_app/immutable/chunks/app.js')).headers['content-type']).toBe(
      'text/javascript; charset=utf-8'
    );
  });

  it('hashed files are cached for good, with an ETag and a date that revalidate', async () => {
    const answer = await send('/_app/immutable/chunks/app.js');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['last-modified']).toBeTruthy();
    const etag = answer.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await send('/_app/immutable/chunks/app.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });
});

describe('compression written at build time', () => {
  const file = '/_app/immutable/chunks/app.js';

  it('brotli when the browser takes it', async () => {
    const answer = await send(file, { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(answer.body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
  });

  it('gzip when the browser takes only gzip', async () => {
    const answer = await send(file, { 'accept-encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString()).toBe(script);
  });

  it('the file as it is otherwise', async () => {
    const answer = await send(file);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe(script);
  });

  it('the precompressed copies were written beside the file', () => {
    const br = readFileSync(path.join(folder, '_app/immutable/chunks/app.js.br'));
    expect(brotliDecompressSync(br).toString()).toBe(script);
  });
});

describe('byte ranges, as remote Parquet reads ask for them', () => {
  const ranged = (range: string) => send('/data.arrow', { range, 'accept-encoding': 'gzip, br' });
  const bytes = (from: number, to: number) => Buffer.from(data.subarray(from, to + 1));

  it.each([
    ['bytes=0-9', 0, 9],
    ['bytes=0-0', 0, 0],
    ['bytes=990-', 990, 999],
    ['bytes=-10', 990, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=995-5000', 995, 999]
  ])('%s is answered with exactly those bytes of the file as it is', async (range, from, to) => {
    const answer = await ranged(range);
    expect(answer.status).toBe(206);
    expect(answer.headers['content-range']).toBe(`bytes ${from}-${to}/1000`);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body).toEqual(bytes(from, to));
  });

  it('a range past the end gets 416 with the size', async () => {
    const answer = await ranged('bytes=1000-1010');
    expect(answer.status).toBe(416);
    expect(answer.headers['content-range']).toBe('bytes */1000');
  });

  it('a header asking for several ranges or for nonsense gets the whole file', async () => {
    for (const range of ['bytes=0-1,5-6', 'bytes=9-2', 'lines=1-2']) {
      const answer = await send('/data.arrow', { range });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(Buffer.from(data));
    }
  });

  it('byteRange reads every form', () => {
    expect(byteRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(byteRange('bytes=-', 10)).toBeNull();
    expect(byteRange('bytes=3-3', 10)).toEqual({ start: 3, end: 3 });
  });

  it('requestPath keeps ordinary names and refuses climbing ones', () => {
    expect(requestPath('/data/caf%C3%A9.csv?x=1')).toEqual({ path: '/data/café.csv' });
    expect(requestPath('/a/%2e%2e/b')).toEqual({ status: 404 });
    expect(requestPath('/%E0%A4%A')).toEqual({ status: 400 });
  });
});

describe('the engine under the app origin', () => {
  let engine: Server;
  let proxied: Server;
  let proxiedOrigin: string;
  const seen: string[] = [];

  beforeAll(async () => {
    // Stands in for the engine: it says what it was asked, so the test sees what was forwarded.
    engine = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ asked: req.url }));
      });
    });
    await new Promise<void>((resolve) => engine.listen(0, '127.0.0.1', resolve));
    const enginePort = (engine.address() as AddressInfo).port;
    proxied = createStaticServer({ folder, engine: `http://127.0.0.1:${enginePort}` });
    await new Promise<void>((resolve) => proxied.listen(0, '127.0.0.1', resolve));
    proxiedOrigin = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    engine.close();
    proxied.close();
  });

  it('forwards POST /engine/query and GET /engine/datasets, and nothing else', async () => {
    const query = await send(
      '/engine/query',
      { 'content-type': 'application/json' },
      'POST',
      '{"sql":"SELECT 1"}',
      proxiedOrigin
    );
    expect(query.status).toBe(200);
    expect(seen).toContain('POST /query {"sql":"SELECT 1"}');
    const datasets = await send('/engine/datasets', {}, 'GET', undefined, proxiedOrigin);
    expect(JSON.parse(datasets.body.toString())).toEqual({ asked: '/datasets' });

    const other = await send('/engine/../../etc/passwd', {}, 'GET', undefined, proxiedOrigin);
    expect(other.status).toBe(404);
    const wrongMethod = await send('/engine/query', {}, 'GET', undefined, proxiedOrigin);
    expect(wrongMethod.status).toBe(405);
    expect(JSON.parse(wrongMethod.body.toString()).error).toMatch(/POST/);
    expect(seen).toHaveLength(2);
  });

  it('an engine that does not answer gives a message, and the app is still served', async () => {
    const gone = createStaticServer({ folder, engine: 'http://127.0.0.1:9' });
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const goneOrigin = `http://127.0.0.1:${(gone.address() as AddressInfo).port}`;
    const answer = await send('/engine/query', {}, 'POST', '{"sql":"SELECT 1"}', goneOrigin);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body.toString()).error).toMatch(/does not answer/);
    expect((await send('/', {}, 'GET', undefined, goneOrigin)).status).toBe(200);
    gone.close();
  });

  it('without an engine, /engine is only a missing page of the app', async () => {
    const answer = await send('/engine/query', {}, 'POST', '{}');
    expect(answer.status).toBe(405);
  });
});
