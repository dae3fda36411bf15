import { describe, expect, it } from 'vitest';
import {
  ENGINE_CACHE,
  KEEP_MESSAGE,
  answerFor,
  appCacheName,
  installList,
  isEngineFile,
  isKeepMessage,
  laterList,
  pathsToKeep,
  precacheList,
  staleCaches,
  type RequestFacts
} from '../../../src/lib/offline/cache-plan';

const ORIGIN = 'https://cooperare.example';
// A build as SvelteKit lists it: hashed code, styles, datasets, and both engine builds.
const BUILD = [
  '/_app/immutable/entry/start.CBq0QjB4.js',
  '/_app/immutable/assets/0.BlDBANwz.css',
  '/_app/immutable/assets/crim_off_cat.Cq5mshfp.arrow',
  '/_app/immutable/assets/manifest.BiDLkj8d.json',
  '/_app/immutable/workers/import.worker-PcKpAwbu.js',
  '/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js',
  '/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js',
  '/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm',
  '/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm'
];
const EH = '/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm';
const EH_WORKER = '/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js';
const precached = new Set(precacheList('', BUILD, ['/favicon.svg']));
const engineFiles = new Set(BUILD.filter(isEngineFile));

function get(path: string, extra: Partial<RequestFacts> = {}): RequestFacts {
  return { method: 'GET', url: `${ORIGIN}${path}`, mode: 'cors', range: false, ...extra };
}

describe('isEngineFile', () => {
  it('knows both engine builds, binary and worker script, and nothing else', () => {
    expect(BUILD.filter(isEngineFile)).toEqual([
      EH_WORKER,
      '/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js',
      EH,
      '/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm'
    ]);
  });
});

describe('precacheList', () => {
  it('keeps the page, code, styles, datasets and static files but neither engine build', () => {
    const list = precacheList('', BUILD, ['/favicon.svg']);
    expect(list[0]).toBe('/');
    expect(list).toContain('/_app/immutable/assets/crim_off_cat.Cq5mshfp.arrow');
    expect(list).toContain('/_app/immutable/workers/import.worker-PcKpAwbu.js');
    expect(list).toContain('/favicon.svg');
    expect(list.filter(isEngineFile)).toEqual([]);
  });

  it('puts the page under the base path when the app is not at the root', () => {
    expect(precacheList('/cooperare', [], [])).toEqual(['/cooperare/']);
  });
});

describe('installList and laterList', () => {
  it('installs the page, code and styles, and leaves the data for after the first chart', () => {
    expect(installList(precached)).toEqual([
      '/',
      '/_app/immutable/entry/start.CBq0QjB4.js',
      '/_app/immutable/assets/0.BlDBANwz.css',
      '/_app/immutable/workers/import.worker-PcKpAwbu.js',
      '/favicon.svg'
    ]);
    expect(laterList(precached)).toEqual([
      '/_app/immutable/assets/crim_off_cat.Cq5mshfp.arrow',
      '/_app/immutable/assets/manifest.BiDLkj8d.json'
    ]);
  });
});

describe('isKeepMessage', () => {
  it('knows the page’s message, with or without engine files, and nothing else', () => {
    expect(isKeepMessage({ type: KEEP_MESSAGE, urls: [] })).toBe(true);
    expect(isKeepMessage({ type: 'other' })).toBe(false);
    expect(isKeepMessage(KEEP_MESSAGE)).toBe(false);
    expect(isKeepMessage(null)).toBe(false);
  });
});

describe('answerFor', () => {
  it('answers every route of the app with the page, network first', () => {
    expect(
      answerFor(
        get('/explore?ds=crim_off_cat', { mode: 'navigate' }),
        ORIGIN,
        precached,
        engineFiles
      )
    ).toBe('page');
  });

  it('answers built files from the cache and engine binaries from the engine cache', () => {
    expect(
      answerFor(
        get('/_app/immutable/assets/crim_off_cat.Cq5mshfp.arrow'),
        ORIGIN,
        precached,
        engineFiles
      )
    ).toBe('app');
    expect(answerFor(get(EH), ORIGIN, precached, engineFiles)).toBe('engine');
    expect(answerFor(get(EH_WORKER), ORIGIN, precached, engineFiles)).toBe('engine');
  });

  it('leaves alone other origins, writes, byte ranges and files it did not build', () => {
    const leave: RequestFacts[] = [
      get(EH, { url: `https://ec.europa.eu${EH}` }),
      get('/_app/immutable/assets/crim_off_cat.Cq5mshfp.arrow', { method: 'POST' }),
      get('/_app/immutable/assets/crim_off_cat.Cq5mshfp.arrow', { range: true }),
      get('/_app/version.json')
    ];
    for (const request of leave)
      expect(answerFor(request, ORIGIN, precached, engineFiles)).toBe('network');
  });
});

describe('staleCaches', () => {
  it('names earlier versions of the app, never the engine cache or anyone else’s', () => {
    const names = [appCacheName('100'), appCacheName('200'), ENGINE_CACHE, 'someone-else'];
    expect(staleCaches(names, '200')).toEqual([appCacheName('100')]);
  });
});

describe('pathsToKeep', () => {
  it('keeps the engine files the page names', () => {
    const message = {
      type: KEEP_MESSAGE,
      urls: [`${ORIGIN}${EH}`, `${ORIGIN}${EH_WORKER}`, `${ORIGIN}${EH}`]
    };
    expect(pathsToKeep(message, ORIGIN, engineFiles)).toEqual([EH, EH_WORKER]);
  });

  it('ignores anything that is not an engine file of this origin and version', () => {
    const message = {
      type: KEEP_MESSAGE,
      urls: [
        `https://evil.example${EH}`,
        `${ORIGIN}/_app/immutable/assets/duckdb-eh.OLDHASH.wasm`,
        `${ORIGIN}/anything-else`,
        42,
        null
      ]
    };
    expect(pathsToKeep(message, ORIGIN, engineFiles)).toEqual([]);
    expect(pathsToKeep({ type: 'other', urls: [`${ORIGIN}${EH}`] }, ORIGIN, engineFiles)).toEqual(
      []
    );
    expect(pathsToKeep('hello', ORIGIN, engineFiles)).toEqual([]);
    expect(pathsToKeep(null, ORIGIN, engineFiles)).toEqual([]);
  });
});
