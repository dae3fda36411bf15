import { RemoteEngine } from '../db/remote-engine';
import type { SqlEngine } from '../db/engine';
import type { DatasetManifest } from '$lib/model/manifest';
import { m } from '../i18n';

/**
 * The datasets a server engine holds (server/engine/, docs/scaling.md "A server engine"),
 * found by asking `GET /engine/datasets` on the app's own origin, where the static server
 * passes it on when it was started with `--engine`.
 */
export interface ServerCatalogue {
  /** Whether a server engine answered at all. */
  present: boolean;
  datasets: DatasetManifest[];
  /** Why the engine, or some of its datasets, cannot be used; one sentence, or null. */
  problem: string | null;
  /**
   * The SQL name of the engine's table of runs of periods with data of each dataset that has
   * one built (an optional field of the protocol: an older engine sends none).
   */
  runs: Readonly<Record<string, string>>;
}

const NONE: ServerCatalogue = { present: false, datasets: [], problem: null, runs: {} };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);

/** The parts of a manifest the pages read without checking; anything else is optional. */
function isManifest(value: unknown): value is DatasetManifest {
  if (!isObject(value) || !isString(value.id) || value.id === '' || !isString(value.title))
    return false;
  const time = value.time;
  return (
    Array.isArray(value.dimensions) &&
    value.dimensions.every(
      (d) => isObject(d) && isString(d.id) && isString(d.label) && Array.isArray(d.codes)
    ) &&
    isObject(time) &&
    isString(time.frequency) &&
    isString(time.first) &&
    isString(time.last) &&
    isStringArray(time.periods) &&
    isStringArray(value.geo) &&
    typeof value.rowCount === 'number' &&
    isObject(value.flagCounts) &&
    isStringArray(value.caveats) &&
    Array.isArray(value.sources)
  );
}

/**
 * Reads the answer to `GET /engine/datasets`. Only a JSON answer comes from an engine: a
 * static host without one answers with its page for unknown paths (sirv, nginx's
 * try_files) or a 404, and that means "no server engine", not a fault. A JSON error (the
 * static server's 502 when the engine is down) is a server engine that cannot be used now.
 */
export async function readServerCatalogue(response: Response): Promise<ServerCatalogue> {
  if (!/^application\/json\b/.test(response.headers.get('content-type') ?? '')) return NONE;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return NONE;
  }
  if (!response.ok || !isObject(body) || !Array.isArray(body.datasets)) {
    const said = isObject(body) && isString(body.error) ? body.error : `${response.status}`;
    return {
      present: true,
      datasets: [],
      problem: m.data_server_failed({ problem: said }),
      runs: {}
    };
  }
  const datasets: DatasetManifest[] = [];
  const unreadable: string[] = [];
  for (const entry of body.datasets) {
    if (isManifest(entry)) datasets.push({ ...entry, origin: 'server' });
    else unreadable.push(isObject(entry) && isString(entry.id) ? entry.id : '?');
  }
  const runs = isObject(body.runs)
    ? Object.fromEntries(Object.entries(body.runs).filter((entry) => isString(entry[1])))
    : {};
  return {
    present: true,
    datasets,
    problem:
      unreadable.length > 0 ? m.data_server_unreadable({ ids: unreadable.join(', ') }) : null,
    runs: runs as Record<string, string>
  };
}

let catalogue: Promise<ServerCatalogue> | null = null;
let answered: ServerCatalogue | null = null;
let engine: RemoteEngine | null = null;

/**
 * The server engine's datasets, asked once per page load and only when a page needs the
 * whole catalogue or a dataset the browser does not hold, so the home page's first chart
 * never waits for it. Offline it is not asked (the failed request would be logged as an
 * error), and asked again once the browser is back online; a request that fails all the
 * same means no server engine for this load.
 */
export function serverCatalogue(): Promise<ServerCatalogue> {
  if (catalogue === null && globalThis.navigator?.onLine === false) return Promise.resolve(NONE);
  if (catalogue === null) {
    performance.mark('cooperare:engine-list-asked');
    catalogue = fetch('/engine/datasets', { headers: { accept: 'application/json' } })
      .then(readServerCatalogue, () => NONE)
      .then((read) => (answered = read))
      .finally(() => performance.mark('cooperare:engine-list'));
  }
  return catalogue;
}

/**
 * The SQL name of the server engine's table of runs of `datasetId`, when the engine said it
 * has one built as the page asked for its datasets; null otherwise (not yet built, or an
 * older engine). Read at once: a server-held dataset is known only after that answer.
 */
export function serverRunsTable(datasetId: string): string | null {
  return answered?.runs[datasetId] ?? null;
}

/** The engine that answers every query on a server-held dataset. */
export function serverEngine(): SqlEngine {
  engine ??= new RemoteEngine();
  return engine;
}
