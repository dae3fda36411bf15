import { describe, expect, test } from 'vitest';
import { openRangeFile, totalFromContentRange } from '../../../src/lib/ingest/range-file';

const ORIGIN = 'http://127.0.0.1:4280';
const PARQUETISH = new TextEncoder().encode('PAR1 then the row groups and a footer PAR1');

/** A server holding `bytes` at /f.parquet; `ranges` false makes it ignore Range headers. */
function server(bytes: Uint8Array, ranges = true) {
  const asked: string[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    asked.push(url);
    if (!url.endsWith('/f.parquet')) return new Response('not here', { status: 404 });
    const range = new Headers(init?.headers).get('range')?.match(/^bytes=(\d+)-(\d+)$/);
    if (!ranges || !range) return new Response(new Uint8Array(bytes), { status: 200 });
    const [start, end] = [Number(range[1]), Number(range[2])];
    return new Response(new Uint8Array(bytes.slice(start, end + 1)), {
      status: 206,
      headers: { 'content-range': `bytes ${start}-${end}/${bytes.length}` }
    });
  }) as typeof fetch;
  return { fetcher, asked };
}

describe('a remote file read in slices', () => {
  test('the total size comes from Content-Range', () => {
    expect(totalFromContentRange('bytes 0-3/12345')).toBe(12345);
    expect(totalFromContentRange('bytes 0-3/*')).toBeNull();
    expect(totalFromContentRange(null)).toBeNull();
  });

  test('opens with one request for four bytes, then reads exactly the slices asked', async () => {
    const { fetcher, asked } = server(PARQUETISH);
    const opened = await openRangeFile('/f.parquet', ORIGIN, fetcher);
    if (!('file' in opened)) throw new Error(opened.problem.kind);
    expect(opened.file.byteLength).toBe(PARQUETISH.length);
    expect(opened.file.url).toBe(`${ORIGIN}/f.parquet`);
    const slice = await opened.file.slice(5, 9);
    expect(new TextDecoder().decode(slice)).toBe('then');
    expect(opened.file.cost).toEqual({ bytesRead: 8, requests: 2 });
    expect(asked).toHaveLength(2);
  });

  test('another origin is refused before any request', async () => {
    const { fetcher, asked } = server(PARQUETISH);
    expect(await openRangeFile('https://example.org/f.parquet', ORIGIN, fetcher)).toEqual({
      problem: { kind: 'other-origin', origin: 'https://example.org' }
    });
    expect(await openRangeFile('ftp://x/f.parquet', ORIGIN, fetcher)).toEqual({
      problem: { kind: 'bad-address' }
    });
    expect(asked).toEqual([]);
  });

  test('a missing file, a server without ranges and a file that is not Parquet each say so', async () => {
    expect(await openRangeFile('/nothing.parquet', ORIGIN, server(PARQUETISH).fetcher)).toEqual({
      problem: { kind: 'status', status: 404 }
    });
    expect(await openRangeFile('/f.parquet', ORIGIN, server(PARQUETISH, false).fetcher)).toEqual({
      problem: { kind: 'no-range' }
    });
    const html = new TextEncoder().encode('<!doctype html><title>app</title>');
    expect(await openRangeFile('/f.parquet', ORIGIN, server(html).fetcher)).toEqual({
      problem: { kind: 'not-parquet' }
    });
  });
});
