import { afterEach, describe, expect, it, vi } from 'vitest';
import { createImportedStore } from '../../../src/lib/catalog/imported-store';
import { setImportedDatasetSource } from '../../../src/lib/catalog/imported';
import { readShippedAddress, shippedAddressNow } from '../../../src/lib/explore/address-sync';
import type { DatasetManifest } from '../../../src/lib/model/manifest';
import { HOME_BOARD_LINKS } from '../../../src/routes/home-board-links';

/** A browser's localStorage, as far as the record uses it. */
function storage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    }
  };
}

function manifest(id: string): DatasetManifest {
  return { id } as DatasetManifest;
}

const defaultSource = {
  list: async () => [],
  readIpc: async () => new Uint8Array(),
  knownIds: () => new Set<string>()
};

afterEach(() => {
  vi.unstubAllGlobals();
  setImportedDatasetSource(defaultSource);
});

// Node has no OPFS or IndexedDB, so the store keeps its datasets for the session: what is
// checked here is the record of their ids that a board's first frame reads.
describe('the record of imported ids', () => {
  it('is empty in a browser that has imported nothing, and follows saves, listings and deletes', async () => {
    vi.stubGlobal('localStorage', storage());
    const store = createImportedStore();
    expect([...(store.knownIds() ?? ['unreadable'])]).toEqual([]);
    await store.save(manifest('tps00001'), new Uint8Array([1]));
    await store.save(manifest('crim_off_cat_2'), new Uint8Array([2]));
    expect([...(store.knownIds() ?? [])]).toEqual(['crim_off_cat_2', 'tps00001']);
    // A second tab's store reads the same record.
    expect([...(createImportedStore().knownIds() ?? [])]).toEqual(['crim_off_cat_2', 'tps00001']);
    await store.remove('tps00001');
    expect([...(store.knownIds() ?? [])]).toEqual(['crim_off_cat_2']);
    // A listing is the truth: a record that says more than the store holds is rewritten.
    localStorage.setItem('cooperare-imported-ids', JSON.stringify(['crim_off_cat_2', 'gone']));
    expect((await store.list()).map((d) => d.id)).toEqual(['crim_off_cat_2']);
    expect([...(store.knownIds() ?? [])]).toEqual(['crim_off_cat_2']);
  });

  it('is unreadable where the browser refuses storage', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      }
    });
    expect(createImportedStore().knownIds()).toBeNull();
  });
});

describe('a board chart the build answered, in the first frame', () => {
  const homicide = HOME_BOARD_LINKS.homicide;
  const table = new URLSearchParams(homicide).get('ds') as string;

  it('is read at once from the shipped entry while no import has replaced its dataset', async () => {
    const view = shippedAddressNow(homicide);
    expect(view?.dataset.id).toBe(table);
    expect(view?.state).toEqual((await readShippedAddress(homicide))?.state);
  });

  it('waits for the catalogue where an import replaced the dataset, or the record is unreadable', async () => {
    setImportedDatasetSource({ ...defaultSource, knownIds: () => new Set([table]) });
    expect(shippedAddressNow(homicide)).toBeNull();
    setImportedDatasetSource({ ...defaultSource, knownIds: () => null });
    expect(shippedAddressNow(homicide)).toBeNull();
    // The listing, which the explorer's page still waits for, says the same.
    setImportedDatasetSource({ ...defaultSource, list: async () => [manifest(table)] });
    expect(await readShippedAddress(homicide)).toBeNull();
  });
});
