import { tableFromIPC, type Table } from 'apache-arrow';
import { QueryCancelled, SqlError, type SqlEngine } from './engine';

/**
 * A server engine reached over HTTP (server/engine/, protocol in docs/scaling.md): each
 * statement is a POST to `<base>/query` answered with an Arrow IPC stream, or with
 * `{"error": "…"}` whose sentence becomes the SqlError's message. The server is read-only,
 * so nothing can be loaded into it from the page. The base defaults to `/engine`, where the
 * app's own server passes requests on to the engine: the page may only fetch its own origin.
 */
export class RemoteEngine implements SqlEngine {
  private readonly base: string;
  /** Cancellable statements in flight; cancel() aborts their requests. */
  private readonly running = new Set<AbortController>();

  constructor(base = '/engine') {
    this.base = base.replace(/\/+$/, '');
  }

  query(sql: string): Promise<Table> {
    return this.post(sql);
  }

  async queryCancellable(sql: string): Promise<Table> {
    const controller = new AbortController();
    this.running.add(controller);
    try {
      return await this.post(sql, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw new QueryCancelled(sql);
      throw error;
    } finally {
      this.running.delete(controller);
    }
  }

  async insertArrowIpc(name: string, _ipc: Uint8Array): Promise<void> {
    throw this.readOnly(`-- insert ${name}`);
  }

  async registerFile(name: string, _bytes: Uint8Array): Promise<void> {
    throw this.readOnly(`-- register ${name}`);
  }

  /** Aborting the request is the stop: the server interrupts a query whose client has gone. */
  async cancel(): Promise<boolean> {
    const stopped = this.running.size > 0;
    for (const controller of this.running) controller.abort();
    return stopped;
  }

  private readOnly(sql: string): SqlError {
    return new SqlError(
      'This dataset is held by a server engine that answers read-only queries; nothing can be ' +
        'loaded into it from here. Import the file as a dataset of your own instead.',
      sql
    );
  }

  private async post(sql: string, signal?: AbortSignal): Promise<Table> {
    performance.mark('cooperare:sql-sent');
    let response = await this.send(sql, signal);
    // A busy server says so with 503 and Retry-After: the same question is asked again a few
    // times before the reader sees the sentence. A 503 without Retry-After (out of memory)
    // would fail the same way again, so it is answered at once.
    for (let attempt = 1; attempt < BUSY_ATTEMPTS; attempt++) {
      const wait = busyWait(response);
      if (wait === null) break;
      await response.body?.cancel();
      await pause(wait, signal);
      response = await this.send(sql, signal);
    }
    if (!response.ok) throw new SqlError(await errorMessage(response), sql);
    const bytes = new Uint8Array(await response.arrayBuffer());
    performance.mark('cooperare:sql-answered');
    try {
      const table = tableFromIPC(bytes);
      performance.mark('cooperare:arrow-decoded');
      return table;
    } catch (error) {
      throw new SqlError(
        `The query engine's answer is not an Arrow stream (${errorText(error)}).`,
        sql
      );
    }
  }

  private async send(sql: string, signal?: AbortSignal): Promise<Response> {
    try {
      return await fetch(`${this.base}/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sql }),
        signal
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new SqlError(
        `The query engine at ${this.base} could not be reached (${errorText(error)}); check ` +
          'your connection and try again.',
        sql
      );
    }
  }
}

/** How many times a statement is sent while the server answers that it is busy. */
export const BUSY_ATTEMPTS = 3;
/** The longest pause between two attempts, whatever Retry-After asks. */
const LONGEST_BUSY_WAIT_MS = 5000;

/** The pause a busy answer asks for, in milliseconds; null when the answer is not "busy". */
function busyWait(response: Response): number | null {
  if (response.status !== 503) return null;
  const header = response.headers.get('retry-after');
  if (header === null) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0
    ? Math.min(seconds * 1000, LONGEST_BUSY_WAIT_MS)
    : null;
}

/** Waits, unless the statement is cancelled meanwhile. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The server's own sentence, or the status when something in between answered instead. */
async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string')
      return (body as { error: string }).error;
  } catch {
    // Not the engine's JSON: a proxy's page, say; the status is what is known.
  }
  return `The query engine answered ${response.status} ${response.statusText}`.trim() + '.';
}
