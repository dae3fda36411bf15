/**
 * The floor the app is measured against: nothing but duckdb-wasm, started from the very
 * files the app's build ships (their URLs come in the query string), loading the same Arrow
 * file and answering the same query as the home chart. No framework, no chart.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { seriesSql } from '../src/lib/query/series';
import { HOME_VIEW } from '../src/routes/home-view';

async function run(): Promise<void> {
  const params = new URL(location.href).searchParams;
  const [wasm, worker, data] = ['wasm', 'worker', 'data'].map((key) => params.get(key));
  if (!wasm || !worker || !data) throw new Error('floor.html needs ?wasm=…&worker=…&data=…');
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(worker));
  const [bytes] = await Promise.all([
    fetch(data).then((r) => r.arrayBuffer()),
    db.instantiate(wasm).then(() => undefined)
  ]);
  const conn = await db.connect();
  performance.mark('cooperare:engine-ready');
  await conn.insertArrowFromIPCStream(new Uint8Array(bytes), {
    name: HOME_VIEW.table,
    create: true
  });
  const result = await conn.query(seriesSql(HOME_VIEW));
  performance.mark('cooperare:first-query');
  document.getElementById('status')!.textContent = `${result.numRows} rows`;
  performance.mark('cooperare:chart-drawn');
}

run().catch((error) => {
  document.getElementById('status')!.textContent = String(error);
  performance.mark('cooperare:failed');
});
