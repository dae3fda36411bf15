import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tableFromIPC, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Manifest } from '../../../src/lib/model/manifest';
import { startTestEngine, type TestEngine } from '../support/engine-service';

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine(['crim_off_cat', 'demo_gind'], { maxRows: 50_000 });
});
afterAll(() => engine?.stop());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${engine.service.url}/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body
  });

const sql = (text: string) => post(JSON.stringify({ sql: text }));

async function table(response: Response): Promise<Table> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
  return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
}

async function refusal(response: Response): Promise<{ status: number; error: string }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: string };
  expect(typeof body.error).toBe('string');
  return { status: response.status, error: body.error };
}

/** After any refusal the service must still answer. */
async function stillAnswers(): Promise<void> {
  const answer = await table(await sql('SELECT 42 AS answer'));
  expect(answer.getChild('answer')?.get(0)).toBe(42);
}

const shipped = (file: string) => tableFromIPC(readFileSync(`datasets/${file}`));

describe('the server engine on shipped data', () => {
  test('answers a query with the values of the shipped Arrow file, row for row', async () => {
    const direct = shipped('crim_off_cat.arrow');
    const served = await table(await sql('SELECT * FROM crim_off_cat'));
    expect(served.numRows).toBe(direct.numRows);
    for (const field of direct.schema.fields) {
      expect([...served.getChild(field.name)!]).toEqual([...direct.getChild(field.name)!]);
    }
  });

  test("answers the explorer's kind of query with the file's values", async () => {
    const direct = shipped('crim_off_cat.arrow')
      .toArray()
      .map((r) => r.toJSON())
      .filter((r) => r.iccs === 'ICCS0101' && r.unit === 'P_HTHAB' && ['RO', 'NO'].includes(r.geo))
      .map((r) => [r.geo, r.time, r.value, r.flag])
      .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
    expect(direct.length).toBeGreaterThan(10);
    const served = await table(
      await sql(
        "SELECT geo, time, value, flag FROM crim_off_cat WHERE iccs = 'ICCS0101' " +
          "AND unit = 'P_HTHAB' AND geo IN ('RO', 'NO') ORDER BY geo, time"
      )
    );
    expect(served.toArray().map((r) => [r.geo, r.time, r.value, r.flag])).toEqual(direct);
  });

  test('lists the manifests of the datasets it holds, as shipped', async () => {
    const response = await fetch(`${engine.service.url}/datasets`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      engine: { engine: string; version: string; source: string };
      datasets: Manifest['datasets'];
    };
    const manifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8')) as Manifest;
    expect(body.engine).toMatchObject({ engine: 'duckdb', source: 'file' });
    expect(body.engine.version).toMatch(/^v\d+\.\d+/);
    expect(body.datasets.map((d) => d.id).sort()).toEqual(['crim_off_cat', 'demo_gind']);
    expect(body.datasets.find((d) => d.id === 'crim_off_cat')).toEqual(
      manifest.datasets.find((d) => d.id === 'crim_off_cat')
    );
  });

  test('sends each DuckDB type as an Arrow type that reads back with the same value', async () => {
    const served = await table(
      await sql(
        'SELECT 7::TINYINT AS tiny, 300::SMALLINT AS small, 70000 AS int, ' +
          '9007199254740993::BIGINT AS big, 2.5::FLOAT AS float, 0.1::DOUBLE + 0.2 AS double, ' +
          'sum(x)::HUGEINT AS huge, 12.34::DECIMAL(6, 2) AS dec, true AS bool, ' +
          "'Ș ț' AS text, DATE '2024-02-29' AS day, TIMESTAMP '2024-02-29 13:14:15.123' AS ts, " +
          "[1, 2] AS list, {'a': 1} AS struct, INTERVAL 3 DAY AS span, NULL::VARCHAR AS nothing " +
          'FROM (VALUES (1), (2)) t(x)'
      )
    );
    const types = Object.fromEntries(served.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(types).toMatchObject({
      tiny: 'Int8',
      small: 'Int16',
      int: 'Int32',
      big: 'Int64',
      float: 'Float32',
      double: 'Float64',
      huge: 'Float64',
      dec: 'Float64',
      bool: 'Bool',
      text: 'Utf8',
      day: 'Date32<DAY>',
      ts: 'Timestamp<MICROSECOND>',
      list: 'Utf8',
      struct: 'Utf8',
      span: 'Utf8',
      nothing: 'Utf8'
    });
    expect(served.get(0)?.toJSON()).toEqual({
      tiny: 7,
      small: 300,
      int: 70000,
      big: 9007199254740993n,
      float: 2.5,
      double: 0.1 + 0.2,
      huge: 3,
      dec: 12.34,
      bool: true,
      text: 'Ș ț',
      day: Date.UTC(2024, 1, 29),
      ts: Date.UTC(2024, 1, 29, 13, 14, 15, 123),
      list: '[1, 2]',
      struct: "{'a': 1}",
      span: '3 days',
      nothing: null
    });
  });

  test('keeps both of two columns with the same name', async () => {
    const served = await table(await sql('SELECT 1 AS a, 2 AS a'));
    expect(served.schema.fields.map((f) => f.name)).toHaveLength(2);
    expect(served.get(0)?.toArray()).toEqual([1, 2]);
  });

  test("passes DuckDB's own message on for a mistake in the SQL", async () => {
    const { status, error } = await refusal(await sql('SELECT nope FROM crim_off_cat'));
    expect(status).toBe(400);
    expect(error).toMatch(/^Binder Error: .*nope/);
    const parse = await refusal(await sql('SELEC 1'));
    expect(parse.error).toMatch(/^Parser Error: syntax error at or near "SELEC"/);
    await stillAnswers();
  });
});

describe('the lock-down', () => {
  const readOnly = (what: string) =>
    `This server answers read-only queries; ${what} is not allowed. Send one SELECT statement.`;
  const cases: [string, number, string | RegExp][] = [
    ["SELECT * FROM read_csv('/etc/passwd')", 403, /does not open files or network addresses/],
    ["SELECT * FROM read_text('/etc/hostname')", 403, /does not open files or network addresses/],
    ["SELECT * FROM glob('/etc/*')", 403, /does not open files or network addresses/],
    [
      "SELECT * FROM read_parquet('http://example.com/data.parquet')",
      403,
      /does not open files or network addresses/
    ],
    ["COPY (SELECT 1) TO '/tmp/x'", 403, readOnly('COPY')],
    ["COPY crim_off_cat TO '/tmp/x.csv'", 403, readOnly('COPY')],
    ["EXPORT DATABASE '/tmp/x'", 403, readOnly('EXPORT')],
    ["IMPORT DATABASE '/tmp/x'", 403, readOnly('IMPORT')],
    ["ATTACH ':memory:' AS x", 403, readOnly('ATTACH')],
    ["ATTACH '/tmp/x.db' AS x", 403, readOnly('ATTACH')],
    ['DETACH x', 403, readOnly('DETACH')],
    ['INSTALL httpfs', 403, readOnly('INSTALL')],
    ['FORCE INSTALL httpfs', 403, readOnly('FORCE INSTALL')],
    ['LOAD httpfs', 403, readOnly('LOAD')],
    ['SET enable_external_access = true', 403, readOnly('SET')],
    ['RESET memory_limit', 403, readOnly('RESET')],
    ['PRAGMA show_tables', 403, readOnly('PRAGMA')],
    ['CALL pragma_version()', 403, readOnly('CALL')],
    ['CREATE TABLE x (a INTEGER)', 403, readOnly('CREATE')],
    ['INSERT INTO crim_off_cat SELECT * FROM crim_off_cat', 403, readOnly('INSERT')],
    ["UPDATE crim_off_cat SET value = 0 WHERE geo = 'RO'", 403, readOnly('UPDATE')],
    ['DELETE FROM crim_off_cat', 403, readOnly('DELETE')],
    ['DROP TABLE crim_off_cat', 403, readOnly('DROP')],
    ['ALTER TABLE crim_off_cat RENAME TO x', 403, readOnly('ALTER')],
    ['/* hidden */ (  DROP TABLE crim_off_cat)', 403, readOnly('DROP')],
    ['-- a comment\nCHECKPOINT', 403, readOnly('CHECKPOINT')],
    ["EXPLAIN ANALYZE COPY (SELECT 1) TO '/tmp/x'", 403, readOnly('COPY')],
    [
      'WITH a AS (SELECT 1) INSERT INTO crim_off_cat SELECT * FROM crim_off_cat',
      403,
      /^This server answers read-only queries/
    ],
    ['BEGIN TRANSACTION', 403, readOnly('BEGIN')],
    ['USE memory', 403, readOnly('USE')],
    [
      'SELECT 1; DROP TABLE crim_off_cat',
      400,
      'Send one statement at a time; this request holds 2.'
    ],
    ['', 400, 'The query is empty; send one SELECT statement.'],
    ['-- only a comment', 400, 'The query is empty; send one SELECT statement.']
  ];

  test.each(cases)('refuses %j with a clear message', async (statement, status, message) => {
    const answer = await refusal(await sql(statement));
    expect(answer.status).toBe(status);
    if (typeof message === 'string') expect(answer.error).toBe(message);
    else expect(answer.error).toMatch(message);
    await stillAnswers();
  });

  test('has switched external access off and locked the configuration', async () => {
    const settings = await table(
      await sql(
        "SELECT current_setting('enable_external_access') AS external, " +
          "current_setting('lock_configuration') AS locked, " +
          "current_setting('autoinstall_known_extensions') AS autoinstall, " +
          "current_setting('autoload_known_extensions') AS autoload"
      )
    );
    expect(settings.get(0)?.toJSON()).toEqual({
      external: false,
      locked: true,
      autoinstall: false,
      autoload: false
    });
  });

  test('stops a query that runs past the timeout', async () => {
    for (const runaway of [
      'SELECT count(*) FROM range(1000000000000) a',
      'SELECT count(*) FROM range(10000000) a, range(10000000) b'
    ]) {
      const answer = await refusal(await sql(runaway));
      expect(answer).toEqual({
        status: 504,
        error:
          'The query took longer than 1 s and was stopped; narrow it with a filter or an ' +
          'aggregate, or add a LIMIT.'
      });
      await stillAnswers();
    }
  });

  test('refuses a result past the row cap, and one past the byte cap', async () => {
    const rows = await refusal(await sql('SELECT * FROM range(60000)'));
    expect(rows).toEqual({
      status: 413,
      error:
        'The result has more than 50,000 rows, the most this server sends; add a filter, an ' +
        'aggregate or a LIMIT.'
    });
    await stillAnswers();
    const bytes = await refusal(await sql("SELECT repeat('x', 2000000) AS s FROM range(40)"));
    expect(bytes.status).toBe(413);
    expect(bytes.error).toMatch(/^The result is larger than 64 MB, the most this server sends/);
    await stillAnswers();
  });

  test('turns away a query past the cap on concurrent queries, and says when to retry', async () => {
    const busy = await startTestEngine(['demo_gind'], { maxConcurrent: 1 });
    try {
      const slow = fetch(`${busy.service.url}/query`, {
        method: 'POST',
        body: JSON.stringify({ sql: 'SELECT count(*) FROM range(1000000000000) a' })
      });
      for (;;) {
        const health = (await (await fetch(`${busy.service.url}/health`)).json()) as {
          running: number;
        };
        if (health.running === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const turnedAway = await fetch(`${busy.service.url}/query`, {
        method: 'POST',
        body: JSON.stringify({ sql: 'SELECT 1' })
      });
      expect(turnedAway.headers.get('retry-after')).toBe('1');
      expect(await refusal(turnedAway)).toEqual({
        status: 503,
        error:
          'The server is running as many queries as it takes at once (1); try again in a moment.'
      });
      expect((await slow).status).toBe(504);
      const after = await fetch(`${busy.service.url}/query`, {
        method: 'POST',
        body: JSON.stringify({ sql: 'SELECT 1 AS one' })
      });
      expect((await table(after)).getChild('one')?.get(0)).toBe(1);
    } finally {
      await busy.stop();
    }
  });
});

describe('the protocol', () => {
  test('answers malformed JSON and a body without sql with how the body must look', async () => {
    for (const [body, detail] of [
      ['{"sql": ', /not valid JSON/],
      ['{"query": "SELECT 1"}', /"sql" must be a string/],
      ['[1, 2]', /"sql" must be a string/],
      ['{"sql": 42}', /"sql" must be a string/]
    ] as const) {
      const answer = await refusal(await post(body));
      expect(answer.status).toBe(400);
      expect(answer.error).toMatch(/^The request body must be JSON like \{"sql": "SELECT …"\}/);
      expect(answer.error).toMatch(detail);
    }
    await stillAnswers();
  });

  test('refuses a body past the cap without reading it all', async () => {
    const huge = JSON.stringify({ sql: `SELECT '${'x'.repeat(300 * 1024)}'` });
    const answer = await refusal(await post(huge));
    expect(answer).toEqual({
      status: 413,
      error:
        'The request is larger than 256 KB, the most this server reads; send a shorter SQL statement.'
    });
    await stillAnswers();
  });

  test('answers an unknown address with 404 and a known one with the wrong method with 405', async () => {
    const missing = await refusal(await fetch(`${engine.service.url}/etc/passwd`));
    expect(missing).toEqual({
      status: 404,
      error: 'Nothing here; this server answers POST /query and GET /datasets.'
    });
    const get = await fetch(`${engine.service.url}/query`);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await refusal(get)).toEqual({ status: 405, error: '/query takes POST only.' });
    const del = await fetch(`${engine.service.url}/datasets`, { method: 'DELETE' });
    expect(await refusal(del)).toEqual({ status: 405, error: '/datasets takes GET only.' });
    await stillAnswers();
  });

  test('answers a malformed request line or URL with 400 in JSON', async () => {
    const { port } = new URL(engine.service.url);
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
        let answer = '';
        socket.on('data', (part) => (answer += part));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    const badLine = await raw('GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(badLine).toMatch(/^HTTP\/1\.1 400 /);
    expect(badLine).toContain('{"error":"The request is not valid HTTP."}');
    const badUrl = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port: Number(port), path: 'http://[bad/query', method: 'GET' },
        (response) => {
          let body = '';
          response.on('data', (part) => (body += part));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        }
      );
      request.on('error', reject);
      request.end();
    });
    expect(badUrl).toEqual({
      status: 400,
      body: '{"error":"The address of the request is not a valid URL."}'
    });
    await stillAnswers();
  });
});
