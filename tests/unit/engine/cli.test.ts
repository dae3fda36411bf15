import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Manifest } from '../../../src/lib/model/manifest';
import { crimOffCatParquet } from '../../support/crim-off-cat-parquet';

let folder: string;
let child: ChildProcess;
let url: string;

/**
 * `npm run engine` as a user starts it, on a folder of Parquet files: the real crim_off_cat
 * table written as Parquet beside its shipped manifest entry.
 */
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'cooperare-engine-cli-'));
  await writeFile(path.join(folder, 'crim_off_cat.parquet'), new Uint8Array(crimOffCatParquet()));
  const shipped = JSON.parse(readFileSync('datasets/manifest.json', 'utf8')) as Manifest;
  const manifest: Manifest = {
    version: 1,
    datasets: shipped.datasets.filter((d) => d.id === 'crim_off_cat')
  };
  await writeFile(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/engine/main.ts', '--parquet', folder, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (part) => {
      output += part;
      const address = /listening on (http:\/\/\S+)/.exec(output);
      if (address) resolve(address[1]);
    });
    child.stderr!.on('data', (part) => (output += part));
    child.on('exit', (code) => reject(new Error(`The engine exited (${code}):\n${output}`)));
  });
});

afterAll(async () => {
  child?.kill('SIGTERM');
  await rm(folder, { recursive: true, force: true });
});

const query = (sql: string) =>
  fetch(`${url}/query`, { method: 'POST', body: JSON.stringify({ sql }) });

test('prints its address and serves the Parquet folder with the values of the shipped file', async () => {
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const datasets = (await (await fetch(`${url}/datasets`)).json()) as Manifest & {
    engine: { source: string };
  };
  expect(datasets.engine.source).toBe('parquet');
  expect(datasets.datasets.map((d) => d.id)).toEqual(['crim_off_cat']);
  const response = await query(
    "SELECT geo, time, value, flag FROM crim_off_cat WHERE iccs = 'ICCS0101' AND unit = 'NR' " +
      "AND geo = 'RO' ORDER BY time"
  );
  expect(response.status).toBe(200);
  const served = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  const direct = tableFromIPC(readFileSync('datasets/crim_off_cat.arrow'))
    .toArray()
    .map((r) => r.toJSON())
    .filter((r) => r.iccs === 'ICCS0101' && r.unit === 'NR' && r.geo === 'RO')
    .map((r) => ({ geo: r.geo, time: r.time, value: r.value, flag: r.flag }))
    .sort((a, b) => a.time.localeCompare(b.time));
  expect(direct.length).toBeGreaterThan(5);
  expect(served.toArray().map((r) => r.toJSON())).toEqual(direct);
});

test('reads no file outside the folder it serves', async () => {
  const response = await query("SELECT * FROM read_csv('/etc/passwd')");
  expect(response.status).toBe(403);
  expect(((await response.json()) as { error: string }).error).toMatch(
    /^This server does not open files or network addresses named in SQL/
  );
});
