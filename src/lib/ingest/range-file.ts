/**
 * A file on a web server read in slices with HTTP `Range` requests, as hyparquet reads a
 * Parquet file: nothing is downloaded whole. Opening it asks for its first four bytes only,
 * which at once tells whether the address answers, whether the server honours ranges, how
 * large the file is and whether it starts like a Parquet file.
 */

import type { AsyncBuffer } from 'hyparquet';

/** Why a remote file cannot be read in slices; the page words each one for the user. */
export type RangeProblem =
  | { kind: 'bad-address' }
  /** The page may only fetch from its own origin (CSP connect-src 'self'). */
  | { kind: 'other-origin'; origin: string }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'status'; status: number }
  /** The server sent the whole file (200) or no size where a slice (206) was asked for. */
  | { kind: 'no-range' }
  | { kind: 'not-parquet' };

/** A remote file whose every fetched byte and request is counted. */
export interface RangeFile extends AsyncBuffer {
  url: string;
  cost: { bytesRead: number; requests: number };
}

const PARQUET_MAGIC = 'PAR1';

/** `bytes 0-3/12345` → 12345; null when the header is absent or names no total. */
export function totalFromContentRange(header: string | null): number | null {
  const match = header?.match(/^bytes\s+\d+-\d+\/(\d+)$/);
  return match ? Number(match[1]) : null;
}

/**
 * The address resolved against the page's origin, or why it may not be fetched. Only the
 * page's own origin is allowed: the app's content security policy blocks every other.
 */
export function sameOriginUrl(address: string, origin: string): URL | RangeProblem {
  let url: URL;
  try {
    url = new URL(address.trim(), origin);
  } catch {
    return { kind: 'bad-address' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'bad-address' };
  if (url.origin !== origin) return { kind: 'other-origin', origin: url.origin };
  return url;
}

/** Fetches bytes `start` to `end` (exclusive), insisting on a real slice of the same file. */
async function fetchSlice(
  url: string,
  start: number,
  end: number,
  fetcher: typeof fetch
): Promise<Response> {
  return fetcher(url, { headers: { Range: `bytes=${start}-${end - 1}` }, cache: 'no-store' });
}

/**
 * Opens `address` (on `origin`) for slice reads, or says why it cannot be. `fetcher` is the
 * browser's fetch, replaceable in tests.
 */
export async function openRangeFile(
  address: string,
  origin: string,
  fetcher: typeof fetch = fetch
): Promise<{ file: RangeFile } | { problem: RangeProblem }> {
  const resolved = sameOriginUrl(address, origin);
  if (!(resolved instanceof URL)) return { problem: resolved };
  const url = resolved.href;
  let response: Response;
  try {
    response = await fetchSlice(url, 0, PARQUET_MAGIC.length, fetcher);
  } catch (error) {
    return {
      problem: {
        kind: 'unreachable',
        detail: error instanceof Error ? error.message : String(error)
      }
    };
  }
  if (response.status === 200) {
    // The whole file is on its way: stop it rather than download what we meant to avoid.
    await response.body?.cancel().catch(() => undefined);
    return { problem: { kind: 'no-range' } };
  }
  if (response.status !== 206) {
    await response.body?.cancel().catch(() => undefined);
    return { problem: { kind: 'status', status: response.status } };
  }
  const byteLength = totalFromContentRange(response.headers.get('content-range'));
  const head = new Uint8Array(await response.arrayBuffer());
  if (byteLength === null) return { problem: { kind: 'no-range' } };
  if (
    byteLength < 12 ||
    new TextDecoder().decode(head.subarray(0, PARQUET_MAGIC.length)) !== PARQUET_MAGIC
  )
    return { problem: { kind: 'not-parquet' } };

  const cost = { bytesRead: head.byteLength, requests: 1 };
  return {
    file: {
      url,
      cost,
      byteLength,
      async slice(start, end = byteLength) {
        const sliced = await fetchSlice(url, start, end, fetcher);
        if (sliced.status !== 206) {
          await sliced.body?.cancel().catch(() => undefined);
          throw new Error(
            `${url} answered ${sliced.status} where a part of the file was asked for.`
          );
        }
        // A file replaced on the server since it was opened would mix two files' bytes.
        const total = totalFromContentRange(sliced.headers.get('content-range'));
        if (total !== byteLength)
          throw new Error(
            `${url} has changed since it was added (${byteLength} bytes then, ${total ?? 'unknown'} now).`
          );
        const bytes = await sliced.arrayBuffer();
        cost.requests += 1;
        cost.bytesRead += bytes.byteLength;
        return bytes;
      }
    }
  };
}
