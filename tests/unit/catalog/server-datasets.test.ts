import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createStaticServer } from '../../../scripts/static-server.js';
import { readServerCatalogue } from '../../../src/lib/catalog/server-datasets';
import type { Manifest } from '../../../src/lib/model/manifest';
import { startTestEngine, type TestEngine } from '../support/engine-service';

let engine: TestEngine;
let folder: string;
const servers: Server[] = [];

/** The static server on a free port: with `engine`, it passes /engine/* on to it. */
async function serve(engineUrl?: string): Promise<string> {
  const server = createStaticServer({ folder, engine: engineUrl });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const discover = async (origin: string) =>
  readServerCatalogue(await fetch(`${origin}/engine/datasets`));

beforeAll(async () => {
  engine = await startTestEngine(['crim_off_cat']);
  folder = mkdtempSync(path.join(os.tmpdir(), 'cooperare-server-datasets-'));
  writeFileSync(path.join(folder, 'index.html'), '<!doctype html><title>app</title>');
});
afterAll(async () => {
  for (const server of servers) server.close();
  await engine?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('discovering the server engine through the app origin', () => {
  test("lists the engine's datasets as server-held, manifests otherwise as the engine sent", async () => {
    const shipped = (await import('../../../datasets/manifest.json')) as unknown as Manifest;
    const catalogue = await discover(await serve(engine.service.url));
    expect(catalogue.present).toBe(true);
    expect(catalogue.problem).toBeNull();
    expect(catalogue.datasets.map((d) => [d.id, d.origin])).toEqual([['crim_off_cat', 'server']]);
    const original = shipped.datasets.find((d) => d.id === 'crim_off_cat')!;
    expect(catalogue.datasets[0]).toEqual({ ...original, origin: 'server' });
  });

  test('takes the page a static server sends for unknown paths as no engine, not a fault', async () => {
    const catalogue = await discover(await serve());
    expect(catalogue).toEqual({ present: false, datasets: [], problem: null, runs: {} });
  });

  test('takes a plain 404 as no engine', async () => {
    const answer = new Response('Not found', {
      status: 404,
      headers: { 'content-type': 'text/plain' }
    });
    expect(await readServerCatalogue(answer)).toMatchObject({ present: false, problem: null });
  });

  test('reports an engine that the static server cannot reach, in its words', async () => {
    const catalogue = await discover(await serve('http://127.0.0.1:9'));
    expect(catalogue.present).toBe(true);
    expect(catalogue.datasets).toEqual([]);
    expect(catalogue.problem).toContain('does not answer');
  });

  test('leaves out a dataset whose manifest the pages could not read, and names it', async () => {
    const good = (await (await fetch(`${engine.service.url}/datasets`)).json()) as Manifest;
    const body = {
      datasets: [...good.datasets, { id: 'broken', title: 'no dimensions' }, 42]
    };
    const catalogue = await readServerCatalogue(
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
    );
    expect(catalogue.datasets.map((d) => d.id)).toEqual(['crim_off_cat']);
    expect(catalogue.problem).toContain('broken, ?');
    // An engine older than the tables of runs sends no `runs`: no dataset has them.
    expect(catalogue.runs).toEqual({});
  });

  test('reads which datasets have a table of runs, ignoring what is not a table name', async () => {
    const body = {
      datasets: [],
      runs: { crim_off_cat: 'cooperare_engine.runs."crim_off_cat"', broken: 42 }
    };
    const catalogue = await readServerCatalogue(
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
    );
    expect(catalogue.runs).toEqual({ crim_off_cat: 'cooperare_engine.runs."crim_off_cat"' });
  });
});
