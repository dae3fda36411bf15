import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ResultTooLarge, arrowStream, resultToArrow } from './arrow';
import type { HeldDatabase } from './database';
import { Refused, explainPermissionError, prepareRead } from './guard';
import type { EngineLimits } from './limits';

/**
 * The engine's HTTP protocol (docs/scaling.md, "A server engine"):
 *   POST /query {"sql": "…"} → 200 Arrow IPC stream, or 4xx/5xx {"error": "…"}
 *   GET /datasets            → {"engine": {…}, "datasets": [DatasetManifest…], "runs": {id: table}}
 *   GET /health              → {"status": "ok", "running": n}
 */
export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/** A failure to send back, with the status and the sentence the user reads. */
class Answer extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff'
};

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text)
  });
  response.end(text);
}

const sendError = (response: ServerResponse, answer: Answer) =>
  sendJson(response, answer.status, { error: answer.message }, answer.headers);

/** The body, refused as soon as it passes the cap instead of after it was all read. */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new Answer(
      413,
      `The request is larger than ${Math.round(maxBytes / 1024)} KB, the most this server ` +
        'reads; send a shorter SQL statement.',
      { connection: 'close' }
    );
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    request.on('data', (part: Buffer) => {
      size += part.length;
      if (size > maxBytes) {
        request.removeAllListeners('data');
        request.pause();
        reject(tooLarge());
      } else {
        parts.push(part);
      }
    });
    request.on('end', () => resolve(Buffer.concat(parts)));
    request.on('error', reject);
  });
}

function sqlOf(body: Buffer): string {
  const usage = 'The request body must be JSON like {"sql": "SELECT …"}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new Answer(400, `${usage}; it is not valid JSON (${(error as Error).message}).`);
  }
  const sql = parsed && typeof parsed === 'object' ? (parsed as { sql?: unknown }).sql : undefined;
  if (typeof sql !== 'string') throw new Answer(400, `${usage}; "sql" must be a string.`);
  return sql;
}

/** DuckDB's error as the answer a user can act on. */
function answerFor(message: string, limits: EngineLimits): Answer {
  const permission = explainPermissionError(message);
  if (permission) return new Answer(403, permission);
  if (/^Out of Memory Error:/.test(message)) {
    return new Answer(
      503,
      `The query needed more memory than this server gives queries (${limits.memoryLimit}); ` +
        `narrow it with a filter or an aggregate. DuckDB said: ${message}`
    );
  }
  if (
    /^(?:FATAL|INTERNAL) Error:/.test(message) ||
    /database has been invalidated/i.test(message)
  ) {
    return new Answer(500, `The engine failed and is being restarted; try again. ${message}`);
  }
  return new Answer(400, message);
}

const needsRestart = (answer: Answer) => answer.status === 500;

export interface EngineService {
  /** http://host:port, with the port the system chose when asked for 0. */
  url: string;
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** Opens the database; called again when DuckDB reports a fatal error. */
  open(): Promise<HeldDatabase>;
  limits: EngineLimits;
  host: string;
  port: number;
}

/** Starts the HTTP service on an opened, locked-down database. */
export async function startService(options: ServiceOptions): Promise<EngineService> {
  const { limits } = options;
  let database = await options.open();
  let reopening: Promise<void> | null = null;
  let running = 0;

  /** The tables of runs are built after start, so the engine answers as soon as before. */
  const buildRuns = (held: HeldDatabase) =>
    held
      .buildRuns()
      .catch((error: Error) => console.error(`Building the runs failed: ${error.message}`));

  const reopen = (failed: HeldDatabase) => {
    if (database !== failed || reopening) return;
    reopening = (async () => {
      // A database that failed may fail to close as well; the new one is what matters.
      await failed
        .close()
        .catch((error: Error) => console.error(`Closing the failed database: ${error.message}`));
      database = await options.open();
      buildRuns(database);
    })()
      .catch((error: Error) =>
        console.error(`The engine could not reopen the database: ${error.message}`)
      )
      .finally(() => (reopening = null));
  };

  async function runQuery(sql: string, request: IncomingMessage): Promise<Uint8Array> {
    if (reopening) await reopening;
    const held = database;
    let connection: DuckDBConnection | null = null;
    let stoppedBy: 'timeout' | 'client' | null = null;
    let repeat: NodeJS.Timeout | undefined;
    const stop = (why: 'timeout' | 'client') => {
      stoppedBy ??= why;
      connection?.interrupt();
      // An interrupt that arrives between two steps (while the statement is still being
      // prepared) is lost; repeating it reaches the execution whenever it starts.
      repeat ??= setInterval(() => connection?.interrupt(), 100);
    };
    const timer = setTimeout(() => stop('timeout'), limits.timeoutMs);
    // A client that goes away (RemoteEngine.cancel aborts its fetch) stops its query.
    const left = () => stop('client');
    request.socket.once('close', left);
    try {
      connection = await held.connect();
      const prepared = await prepareRead(connection, sql);
      const stopped = () => new Error(`stopped (${stoppedBy})`);
      try {
        if (stoppedBy) throw stopped();
        const result = await prepared.stream();
        const table = await resultToArrow(result, limits);
        // A streamed result that is interrupted ends early instead of failing: without
        // this check a stopped query would be sent as a short, wrong answer.
        if (stoppedBy) throw stopped();
        return arrowStream(table, limits);
      } finally {
        prepared.destroySync();
      }
    } catch (error) {
      if (error instanceof Refused) throw new Answer(error.status, error.message);
      if (error instanceof ResultTooLarge) throw new Answer(413, error.message);
      if (stoppedBy === 'timeout') {
        throw new Answer(
          504,
          `The query took longer than ${limits.timeoutMs / 1000} s and was stopped; narrow it ` +
            'with a filter or an aggregate, or add a LIMIT.'
        );
      }
      if (stoppedBy === 'client') throw new Answer(499, 'The query was cancelled.');
      const answer = answerFor(error instanceof Error ? error.message : String(error), limits);
      if (needsRestart(answer)) reopen(held);
      throw answer;
    } finally {
      clearTimeout(timer);
      clearInterval(repeat);
      request.socket.off('close', left);
      connection?.closeSync();
    }
  }

  async function query(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request, limits.maxBodyBytes);
    const sql = sqlOf(body);
    if (running >= limits.maxConcurrent) {
      throw new Answer(
        503,
        `The server is running as many queries as it takes at once (${limits.maxConcurrent}); ` +
          'try again in a moment.',
        { 'retry-after': '1' }
      );
    }
    running++;
    try {
      const ipc = await runQuery(sql, request);
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': ARROW_STREAM,
        'content-length': ipc.byteLength
      });
      response.end(ipc);
    } finally {
      running--;
    }
  }

  const routes: Record<
    string,
    Record<string, (q: IncomingMessage, r: ServerResponse) => unknown>
  > = {
    '/query': { POST: query },
    '/datasets': {
      GET: (_, response) =>
        sendJson(response, 200, {
          engine: database.description,
          datasets: database.manifests,
          runs: Object.fromEntries(database.runs)
        })
    },
    '/health': { GET: (_, response) => sendJson(response, 200, { status: 'ok', running }) }
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', 'http://engine').pathname;
    } catch {
      throw new Answer(400, 'The address of the request is not a valid URL.');
    }
    const route = routes[pathname.replace(/\/+$/, '') || '/'];
    if (!route) {
      throw new Answer(404, 'Nothing here; this server answers POST /query and GET /datasets.');
    }
    const handler = route[request.method ?? ''];
    if (!handler) {
      const allowed = Object.keys(route).join(', ');
      throw new Answer(405, `${pathname} takes ${allowed} only.`, { allow: allowed });
    }
    await handler(request, response);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const answer =
        error instanceof Answer
          ? error
          : new Answer(500, `The engine failed: ${error instanceof Error ? error.message : error}`);
      // 499: the client has gone; nobody reads an answer.
      if (answer.status === 499) return;
      sendError(response, answer);
      if (answer.headers.connection === 'close') response.on('finish', () => request.destroy());
    });
  });
  // A request line Node's parser rejects (a malformed URL or header) never reaches the
  // handler; answer it in the protocol's words instead of dropping the connection.
  server.on('clientError', (_error, socket) => {
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify({ error: 'The request is not valid HTTP.' });
    socket.end(
      'HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
    );
  });
  server.requestTimeout = limits.timeoutMs + 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  buildRuns(database);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await reopening;
      await database.close();
    }
  };
}
