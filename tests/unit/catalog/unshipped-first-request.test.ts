/**
 * A link to a dataset the build does not ship (one held by the server engine) sends its
 * first request as soon as the server's list names the dataset: without the shipped
 * manifest (430 KB) and without listing the imports from disk, while an import of the same
 * id still wins and an offline page asks nothing.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatasetManifest, Manifest } from '../../../src/lib/model/manifest';

const shipped = (JSON.parse(readFileSync('datasets/manifest.json', 'utf8')) as Manifest).datasets;
// The shipped regional table (216,947 rows) as a server engine would list it under its own id.
const regions = shipped.find((d) => d.id === 'crim_gen_reg')!;
const held: DatasetManifest = { ...regions, id: 'crim_gen_reg_server' };

/** What the page asked, in order: `GET <path>` or `POST <path>`. */
let asked: string[];

function answer(url: string, init?: RequestInit): Response {
  asked.push(`${init?.method ?? 'GET'} ${url}`);
  if (url === '/engine/datasets')
    return Response.json({ datasets: [held] }, { headers: { 'content-type': 'application/json' } });
  // The slice's answer is not what is checked here: only that it was asked, and when.
  return Response.json({ error: 'not in this test' }, { status: 400 });
}

async function modules() {
  const imported = await import('../../../src/lib/catalog/imported');
  const registry = await import('../../../src/lib/catalog/registry');
  const address = await import('../../../src/lib/explore/address-sync');
  return { ...imported, ...registry, ...address };
}

/** An import store that says whether its disk was listed. */
function imports(datasets: DatasetManifest[], record: string[] | null) {
  const source = {
    listed: 0,
    list: async () => {
      source.listed++;
      return datasets;
    },
    readIpc: async () => new Uint8Array(),
    knownIds: () => (record ? new Set(record) : null)
  };
  return source;
}

beforeEach(() => {
  // Each test is a new page load: the server's list is asked once per load.
  vi.resetModules();
  asked = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => answer(url, init))
  );
});
afterEach(() => vi.unstubAllGlobals());

describe("a server-held dataset's first request", () => {
  it('goes out once the server lists the dataset, before the view is read, with no manifest', async () => {
    const { readUnshippedAddress, setImportedDatasetSource } = await modules();
    const store = imports([], []);
    setImportedDatasetSource(store);
    const view = await readUnshippedAddress(`?ds=${held.id}&geo=RO11,RO12`);
    expect(view?.dataset.id).toBe(held.id);
    expect(view?.dataset.origin).toBe('server');
    // The lists name only this dataset until the whole catalogue has been read.
    expect(view?.datasets.map((d) => d.id)).toEqual([held.id]);
    expect(view?.state.selections.geo).toEqual(['RO11', 'RO12']);
    // The slice was asked before the view was handed to the page, not after its render.
    expect(asked).toEqual(['GET /engine/datasets', 'POST /engine/query']);
    expect(store.listed).toBe(0);
  });

  it('is not the server’s when an import of this browser has the same id', async () => {
    const { getDataset, readUnshippedAddress, setImportedDatasetSource } = await modules();
    const mine: DatasetManifest = { ...held, origin: 'imported', title: 'My own copy' };
    setImportedDatasetSource(imports([mine], [held.id]));
    expect((await getDataset(held.id))?.title).toBe('My own copy');
    const view = await readUnshippedAddress(`?ds=${held.id}`);
    expect(view?.dataset.origin).toBe('imported');
    // An import's rows are this browser's: nothing is asked of the server engine for them.
    expect(asked.filter((request) => request.startsWith('POST'))).toEqual([]);
  });

  it('finds an import the record does not name (one older than the record) by listing', async () => {
    const { getDataset, setImportedDatasetSource } = await modules();
    const older: DatasetManifest = { ...regions, id: 'my_older_import', origin: 'imported' };
    const store = imports([older], []);
    setImportedDatasetSource(store);
    expect((await getDataset('my_older_import'))?.origin).toBe('imported');
    expect(store.listed).toBe(1);
  });

  it('is not looked for on a shipped id, which waits for the catalogue as before', async () => {
    const { readUnshippedAddress } = await modules();
    expect(await readUnshippedAddress('?ds=crim_gen_reg&geo=RO11')).toBeNull();
    expect(await readUnshippedAddress('?geo=RO11')).toBeNull();
    expect(asked).toEqual([]);
  });

  it('asks nothing offline', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const { readUnshippedAddress } = await modules();
    expect(await readUnshippedAddress(`?ds=${held.id}`)).toBeNull();
    expect(asked).toEqual([]);
  });
});
