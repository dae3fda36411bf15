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
    let response: Response;
    try {
      response = await fetch(`${this.base}/query`, {
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
    if (!response.ok) throw new SqlError(await errorMessage(response), sql);
    const bytes = new Uint8Array(await response.arrayBuffer());
    try {
      return tableFromIPC(bytes);
    } catch (error) {
      throw new SqlError(
        `The query engine's answer is not an Arrow stream (${errorText(error)}).`,
        sql
      );
    }
  }
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
