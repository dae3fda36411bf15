import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { QueryCancelled, SqlError, type SqlEngine } from '../../../src/lib/db/engine';
import { BUSY_ATTEMPTS, RemoteEngine } from '../../../src/lib/db/remote-engine';
import {
  observationsFromTable,
  seriesSql,
  type SeriesRequest
} from '../../../src/lib/query/series';
import {
  transformSql,
  transformedRowsFromTable,
  type TransformSpec
} from '../../../src/lib/query/transforms';
import { startNodeEngine } from '../support/node-engine';
import { startTestEngine, type TestEngine } from '../support/engine-service';

let engine: TestEngine;
let remote: RemoteEngine;
let local: SqlEngine;

beforeAll(async () => {
  engine = await startTestEngine(['crim_off_cat']);
  remote = new RemoteEngine(`${engine.service.url}/`);
  local = await startNodeEngine();
  await local.insertArrowIpc('crim_off_cat', readFileSync('datasets/crim_off_cat.arrow'));
});
afterAll(() => engine?.stop());

describe('RemoteEngine on the server engine', () => {
  const request: SeriesRequest = {
    table: 'crim_off_cat',
    filters: { iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: ['RO', 'NO', 'DE', 'PL'] },
    timeFrom: '2010',
    seriesBy: 'geo'
  };

  test("gives the explorer's series the same observations as duckdb-wasm", async () => {
    const sql = seriesSql(request);
    const served = observationsFromTable(await remote.query(sql));
    expect(served.length).toBeGreaterThan(20);
    expect(served).toEqual(observationsFromTable(await local.query(sql)));
  });

  test.each<TransformSpec>([{ kind: 'index', base: '2012' }, { kind: 'yoy' }, { kind: 'ma3' }])(
    'gives the transform %j the same rows as duckdb-wasm',
    async (spec) => {
      const built = transformSql(request, spec);
      if (!('sql' in built)) throw new Error(built.error);
      const served = transformedRowsFromTable(await remote.query(built.sql));
      expect(served.length).toBeGreaterThan(20);
      expect(served).toEqual(transformedRowsFromTable(await local.query(built.sql)));
    }
  );

  test("turns the server's refusal into a SqlError with the server's sentence", async () => {
    const copy = "COPY crim_off_cat TO '/tmp/x.csv'";
    const error = await remote.query(copy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlError);
    expect(error).toMatchObject({
      message:
        'This server answers read-only queries; COPY is not allowed. Send one SELECT statement.',
      sql: copy
    });
    const mistake = await remote.query('SELECT nope FROM crim_off_cat').catch((e: unknown) => e);
    expect((mistake as SqlError).message).toMatch(/^Binder Error: .*nope/);
  });

  test('refuses to load anything into the server, with a reason', async () => {
    const bytes = new Uint8Array(readFileSync('datasets/crim_off_cat.arrow'));
    for (const attempt of [
      remote.insertArrowIpc('x', bytes),
      remote.registerFile('x.csv', bytes)
    ]) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SqlError);
      expect((error as SqlError).message).toMatch(/^This dataset is held by a server engine/);
    }
  });

  test('cancel() stops a running statement, and the server answers the next one', async () => {
    const running = remote.queryCancellable('SELECT count(*) FROM range(1000000000000) a');
    running.catch(() => {});
    for (;;) {
      const health = (await (await fetch(`${engine.service.url}/health`)).json()) as {
        running: number;
      };
      if (health.running === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await remote.cancel()).toBe(true);
    await expect(running).rejects.toBeInstanceOf(QueryCancelled);
    expect(await remote.cancel()).toBe(false);
    for (;;) {
      const health = (await (await fetch(`${engine.service.url}/health`)).json()) as {
        running: number;
      };
      if (health.running === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await remote.query('SELECT 1 AS one')).getChild('one')?.get(0)).toBe(1);
  });

  test('says when the engine cannot be reached', async () => {
    const nowhere = new RemoteEngine('http://127.0.0.1:9');
    const error = await nowhere.query('SELECT 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).message).toMatch(
      /^The query engine at http:\/\/127\.0\.0\.1:9 could not be reached \(.+\); check your/
    );
  });

  describe('when the server is busy', () => {
    /**
     * A server in front of the engine that answers the first `busy` requests as the engine
     * does when it runs as many queries as it takes (503 with Retry-After), then passes
     * requests on; `answers` counts what it was asked.
     */
    async function busyFront(busy: number, retryAfter: string | null) {
      let answers = 0;
      const server: Server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', async () => {
          answers++;
          if (answers <= busy) {
            const headers: Record<string, string> = { 'content-type': 'application/json' };
            if (retryAfter !== null) headers['retry-after'] = retryAfter;
            response.writeHead(503, headers);
            response.end(
              JSON.stringify({
                error:
                  'The server is running as many queries as it takes at once (1); try again in a moment.'
              })
            );
            return;
          }
          const passed = await fetch(`${engine.service.url}/query`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: Buffer.concat(chunks)
          });
          response.writeHead(passed.status, {
            'content-type': passed.headers.get('content-type') ?? ''
          });
          response.end(Buffer.from(await passed.arrayBuffer()));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return {
        remote: new RemoteEngine(`http://127.0.0.1:${port}`),
        answers: () => answers,
        close: () => new Promise<void>((resolve) => server.close(() => resolve()))
      };
    }

    test('asks again after Retry-After and gives the answer', async () => {
      const front = await busyFront(BUSY_ATTEMPTS - 1, '0');
      try {
        const table = await front.remote.query(seriesSql(request));
        expect(observationsFromTable(table)).toEqual(
          observationsFromTable(await local.query(seriesSql(request)))
        );
        expect(front.answers()).toBe(BUSY_ATTEMPTS);
      } finally {
        await front.close();
      }
    });

    test("gives the server's sentence once the attempts are spent", async () => {
      const front = await busyFront(100, '0');
      try {
        const error = await front.remote.query('SELECT 1').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SqlError);
        expect((error as SqlError).message).toMatch(/as many queries as it takes at once/);
        expect(front.answers()).toBe(BUSY_ATTEMPTS);
      } finally {
        await front.close();
      }
    });

    test('does not ask again after a 503 without Retry-After, such as running out of memory', async () => {
      const front = await busyFront(100, null);
      try {
        await expect(front.remote.query('SELECT 1')).rejects.toBeInstanceOf(SqlError);
        expect(front.answers()).toBe(1);
      } finally {
        await front.close();
      }
    });

    test('a cancel during the pause stops the statement', async () => {
      const front = await busyFront(100, '5');
      try {
        const running = front.remote.queryCancellable('SELECT 1').catch((e: unknown) => e);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await front.remote.cancel()).toBe(true);
        expect(await running).toBeInstanceOf(QueryCancelled);
        expect(front.answers()).toBe(1);
      } finally {
        await front.close();
      }
    });
  });
});
