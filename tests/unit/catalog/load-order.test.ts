import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import type { StatisticIndicator } from '../../../src/lib/indicators/framework';
import { seriesSql } from '../../../src/lib/query/series';
import { HOME_VIEW } from '../../../src/routes/home-view';
import { HOME_BOARD_LINKS } from '../../../src/routes/home-board-links';
import { startNodeEngine } from '../support/node-engine';

/**
 * DuckDB's worker as the page sees it: it runs the messages in the order they were sent, one
 * at a time. `sent` is that order, which decides what waits behind what; the answers are the
 * real engine's, on the shipped files.
 */
const worker = vi.hoisted(() => {
  const sent: string[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  const real: { engine: SqlEngine | null } = { engine: null };
  const inTurn = <T>(message: string, work: (engine: SqlEngine) => Promise<T>): Promise<T> => {
    sent.push(message);
    const done = queue.then(() => work(real.engine as SqlEngine));
    queue = done.catch(() => undefined);
    return done;
  };
  const engine = {
    query: (sql: string) => inTurn(`query ${sql}`, (e) => e.query(sql)),
    insertArrowIpc: (name: string, ipc: Uint8Array) =>
      inTurn(`insert ${name}`, (e) => e.insertArrowIpc(name, ipc))
  };
  return { sent, engine, real };
});

vi.mock('../../../src/lib/db/browser-engine', () => ({
  getEngine: async () => worker.engine
}));

beforeAll(async () => {
  worker.real.engine = await startNodeEngine();
});

// The shipped manifest and Arrow files, read from datasets/ where the page would fetch them;
// each answered at once, so the tables are ready in the order they were asked for.
beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal('fetch', async (url: string) => {
    const file = path.join('datasets', path.basename(String(url).split('?')[0]));
    return new Response(readFileSync(file));
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  worker.sent.length = 0;
});

const chartSql = seriesSql(HOME_VIEW);
/** The tables of the board's other charts. */
const OTHER_CHARTS = [HOME_BOARD_LINKS.trafficking, HOME_BOARD_LINKS.illegalPresence].map(
  (link) => new URLSearchParams(link).get('ds') as string
);

/** A board's first chart: its table, then its query on it, as ExploreState asks for them. */
async function firstChart(ensureTable: (id: string) => Promise<SqlEngine>): Promise<void> {
  const engine = await ensureTable(HOME_VIEW.table);
  await engine.query(chartSql);
}

/** The home board's indicator cards with data: the first statistic of each objective. */
async function homeIndicators() {
  const { shippedFramework } = await import('../../../src/lib/programme/framework.svelte');
  return shippedFramework.objectives.flatMap((objective) => {
    const first = shippedFramework.indicators.find((i) => i.objective === objective.id);
    return first?.kind === 'statistic' ? [first as StatisticIndicator] : [];
  });
}

test("the home chart's table and query reach the engine before everything else on the board, which still loads", async () => {
  const { ensureTable, loadFirst } = await import('../../../src/lib/catalog/registry');
  const { loadIndicator } = await import('../../../src/routes/programme/indicator-data');
  const { shippedFramework } = await import('../../../src/lib/programme/framework.svelte');
  const indicators = await homeIndicators();
  // Two of the cards read the chart's own table.
  expect(indicators.map((i) => i.binding.dataset)).toContain(HOME_VIEW.table);
  loadFirst(HOME_VIEW.table);
  // The cards and the other charts ask for their tables before the first chart asks for its own.
  const cards = indicators.map((i) => loadIndicator(i, shippedFramework));
  const charts = OTHER_CHARTS.map((id) => ensureTable(id));
  await firstChart(ensureTable);
  const values = await Promise.all(cards);
  await Promise.all(charts);
  expect(worker.sent.slice(0, 2)).toEqual([`insert ${HOME_VIEW.table}`, `query ${chartSql}`]);
  const inserted = worker.sent.filter((m) => m.startsWith('insert ')).map((m) => m.slice(7));
  expect(new Set(inserted)).toEqual(
    new Set([HOME_VIEW.table, ...OTHER_CHARTS, ...indicators.map((i) => i.binding.dataset)])
  );
  expect(worker.sent.filter((m) => m.startsWith('query '))).toHaveLength(1 + indicators.length);
  for (const value of values) expect(value.ownRows.length).toBeGreaterThan(0);
});

test('without a first table, tables load in the order they were asked for', async () => {
  const { ensureTable } = await import('../../../src/lib/catalog/registry');
  const others = OTHER_CHARTS.map((id) => ensureTable(id));
  await firstChart(ensureTable);
  await Promise.all(others);
  expect(worker.sent).toEqual([
    ...OTHER_CHARTS.map((id) => `insert ${id}`),
    `insert ${HOME_VIEW.table}`,
    `query ${chartSql}`
  ]);
});

test('a page that leaves before its first table was asked for lets the others load', async () => {
  const { ensureTable, loadFirst } = await import('../../../src/lib/catalog/registry');
  const leave = loadFirst(HOME_VIEW.table);
  const others = Promise.all(OTHER_CHARTS.map((id) => ensureTable(id)));
  leave();
  await others;
  expect(worker.sent).toEqual(OTHER_CHARTS.map((id) => `insert ${id}`));
});

test('a first table already loaded holds nothing back', async () => {
  const { ensureTable, loadFirst } = await import('../../../src/lib/catalog/registry');
  await ensureTable(HOME_VIEW.table);
  loadFirst(HOME_VIEW.table);
  await ensureTable(OTHER_CHARTS[0]);
  expect(worker.sent).toEqual([`insert ${HOME_VIEW.table}`, `insert ${OTHER_CHARTS[0]}`]);
});
