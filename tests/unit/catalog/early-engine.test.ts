import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  asksServerListEarly,
  startsBrowserEngineEarly
} from '../../../src/lib/catalog/early-engine';
import { isShippedDatasetId } from '../../../src/lib/catalog/shipped';
import type { Manifest } from '../../../src/lib/model/manifest';

const shipped = (JSON.parse(readFileSync('datasets/manifest.json', 'utf8')) as Manifest).datasets;
const at = (address: string, base = '') =>
  startsBrowserEngineEarly(new URL(address, 'https://example.org'), base);

describe('the browser engine started early', () => {
  it('knows every shipped dataset, and only those, without the manifest', () => {
    expect(shipped.length).toBeGreaterThan(5);
    for (const dataset of shipped) expect(isShippedDatasetId(dataset.id), dataset.id).toBe(true);
    expect(isShippedDatasetId('crim_off_cat_server')).toBe(false);
    expect(isShippedDatasetId('manifest')).toBe(false);
  });

  it('starts on the explorer and the embed of a shipped dataset, and where none is named', () => {
    for (const dataset of shipped) {
      expect(at(`/explore?ds=${dataset.id}&geo=RO`), dataset.id).toBe(true);
      expect(at(`/embed?ds=${dataset.id}`), dataset.id).toBe(true);
    }
    expect(at('/explore')).toBe(true);
    expect(at('/explore?ds=')).toBe(true);
  });

  it('waits on the explorer and the embed of a dataset the build does not ship', () => {
    expect(at('/explore?ds=synthetic_100m&indicator=I007')).toBe(false);
    expect(at('/explore/?ds=crim_off_cat_server')).toBe(false);
    expect(at('/embed?ds=crim_off_cat_server&view=line')).toBe(false);
    // A prototype link names its dataset with dataset=.
    expect(at('/explore?dataset=crim_off_cat_server')).toBe(false);
    expect(at('/explore?dataset=crim_off_cat')).toBe(true);
  });

  it('starts on every other page, whatever its parameters, and reads the base path', () => {
    for (const page of ['/', '/sql?ds=crim_off_cat_server', '/data', '/programme', '/boards'])
      expect(at(page), page).toBe(true);
    expect(at('/cooperare/explore?ds=crim_off_cat_server', '/cooperare')).toBe(false);
    expect(at('/cooperare/explore?ds=crim_off_cat', '/cooperare')).toBe(true);
  });
});

describe("the server engine's list asked as the entry script runs", () => {
  const asks = (address: string, online = true) =>
    asksServerListEarly(new URL(address, 'https://example.org'), '', online);

  it('is asked on the explorer and the embed of a dataset the build does not ship', () => {
    expect(asks('/explore?ds=synthetic_100m&indicator=I007')).toBe(true);
    expect(asks('/embed?ds=crim_off_cat_server')).toBe(true);
    expect(asks('/explore?dataset=crim_off_cat_server')).toBe(true);
  });

  it('is not asked offline, where the request would fail and be logged', () => {
    expect(asks('/explore?ds=synthetic_100m', false)).toBe(false);
  });

  it('is left to the catalogue on a shipped dataset, no dataset and every other page', () => {
    for (const dataset of shipped)
      expect(asks(`/explore?ds=${dataset.id}`), dataset.id).toBe(false);
    for (const page of ['/', '/explore', '/sql?ds=crim_off_cat_server', '/data', '/boards'])
      expect(asks(page), page).toBe(false);
  });
});
