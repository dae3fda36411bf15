import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { earlyEngineStart, startsBrowserEngineEarly } from '../../../src/lib/catalog/early-engine';
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

/** src/app.html's inline scripts, in the page's order: the theme's, then the engine's. */
const appScripts = [
  ...readFileSync('src/app.html', 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)
].map(([, text]) => text);

/**
 * What src/app.html's engine script does on a page opened at `address`, run with the JSON
 * the build writes beside it: the worker it creates and the message it sends, or null.
 */
function pageScriptStarts(address: string, base = '') {
  const url = new URL(address, 'https://example.org');
  const workers: { url: string; sent: unknown[] }[] = [];
  class FakeWorker {
    sent: unknown[] = [];
    constructor(workerUrl: string) {
      workers.push({ url: workerUrl, sent: this.sent });
      listeners = this.listeners;
    }
    listeners: Listeners = { message: [], error: [] };
    addEventListener(type: keyof Listeners, listener: (event: never) => void) {
      this.listeners[type].push(listener as never);
    }
    removeEventListener(type: keyof Listeners, listener: (event: never) => void) {
      this.listeners[type] = this.listeners[type].filter((l) => l !== listener);
    }
    postMessage(message: unknown) {
      this.sent.push(message);
    }
  }
  const start = JSON.stringify(earlyEngineStart(base));
  const window: { cooperareEarlyEngine?: typeof early } = {};
  runInNewContext(appScripts[1], {
    window,
    location: url,
    URLSearchParams,
    WebAssembly,
    Worker: FakeWorker,
    document: { getElementById: () => ({ textContent: start }) }
  });
  expect(window.cooperareEarlyEngine !== undefined).toBe(workers.length === 1);
  early = window.cooperareEarlyEngine;
  return workers[0] ?? null;
}

interface Listeners {
  message: ((event: { data: unknown; stopImmediatePropagation(): void }) => void)[];
  error: ((event: { message: string }) => void)[];
}
/** The listeners of the worker the last run of the page's script created. */
let listeners: Listeners = { message: [], error: [] };
/** What the page's script left for the app: its promise that DuckDB is instantiated. */
let early: { started: Promise<void> } | undefined;

describe("the page's own engine script", () => {
  const addresses = [
    '/',
    '/data',
    '/sql?ds=crim_off_cat_server',
    ...shipped.flatMap((d) => [`/explore?ds=${d.id}&geo=RO`, `/embed?ds=${d.id}`]),
    '/explore',
    '/explore?ds=',
    '/explore?ds=synthetic_100m&indicator=I007',
    '/explore/?ds=crim_off_cat_server',
    '/embed?ds=crim_off_cat_server&view=line',
    '/explore?dataset=crim_off_cat_server',
    '/explore?dataset=crim_off_cat'
  ];

  it('starts the engine on exactly the links the app would start it on', () => {
    expect(appScripts).toHaveLength(2);
    for (const address of addresses)
      expect(pageScriptStarts(address) !== null, address).toBe(at(address));
    for (const address of ['/cooperare/explore?ds=crim_off_cat_server', '/cooperare/'])
      expect(pageScriptStarts(address, '/cooperare') !== null, address).toBe(
        at(address, '/cooperare')
      );
  });

  it("starts the eh build's worker and asks it to instantiate the eh binary", () => {
    const { worker, wasm } = earlyEngineStart('');
    expect(worker).toMatch(/duckdb-browser-eh\.worker/);
    expect(wasm).toMatch(/duckdb-eh\.wasm/);
    expect(pageScriptStarts('/explore?ds=crim_off_cat')).toEqual({
      url: worker,
      sent: [{ messageId: -1, type: 'INSTANTIATE', data: [wasm, null] }]
    });
  });

  it("counts DuckDB started at the worker's answer, not at its progress reports", async () => {
    pageScriptStarts('/');
    let started = false;
    void early!.started.then(() => (started = true));
    const passedOn: string[] = [];
    const send = (type: string, requestId = -1) => {
      const data = { messageId: 0, requestId, type, data: { bytesLoaded: 1 } };
      for (const listener of [...listeners.message])
        listener({ data, stopImmediatePropagation: () => passedOn.push(`kept ${type}`) });
    };
    send('INSTANTIATE_PROGRESS');
    await Promise.resolve();
    expect(started).toBe(false);
    send('OK');
    await Promise.resolve();
    expect(started).toBe(true);
    // Only the answer is kept from the app's AsyncDuckDB; later answers are its own.
    send('OK', 0);
    expect(passedOn).toEqual(['kept OK']);
  });

  it('passes on a failure to instantiate', async () => {
    pageScriptStarts('/');
    for (const listener of listeners.message)
      listener({
        data: { requestId: -1, type: 'ERROR', data: { message: 'no wasm' } },
        stopImmediatePropagation: () => {}
      });
    await expect(early!.started).rejects.toThrow('no wasm');
  });
});
