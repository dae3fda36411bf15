import { describe, expect, it } from 'vitest';
import {
  EngineLifecycle,
  isEngineTrap,
  type EngineFailure
} from '../../../src/lib/db/engine-lifecycle';

/** A stand-in engine: a numbered object, and a record of what the lifecycle did with it. */
function harness(options: { failStarts?: number } = {}) {
  let started = 0;
  let failStarts = options.failStarts ?? 0;
  const disposed: number[] = [];
  const restarts: EngineFailure[] = [];
  const lifecycle = new EngineLifecycle<{ id: number }>(
    async () => {
      if (failStarts > 0) {
        failStarts--;
        throw new Error('the WebAssembly could not be fetched');
      }
      return { id: ++started };
    },
    (engine) => disposed.push(engine.id),
    (failure) => restarts.push(failure)
  );
  return { lifecycle, disposed, restarts, started: () => started };
}

describe('EngineLifecycle', () => {
  it('starts one engine, on first use, however many ask at once', async () => {
    const h = harness();
    expect(h.started()).toBe(0);
    const [a, b] = await Promise.all([h.lifecycle.get(), h.lifecycle.get()]);
    expect(a).toBe(b);
    expect(h.started()).toBe(1);
  });

  it('replaces a dead engine once, disposes of it and says why', async () => {
    const h = harness();
    const first = await h.lifecycle.get();
    expect(h.lifecycle.failed(first, 'wasm-trap')).toBe(true);
    expect(h.disposed).toEqual([1]);
    expect(h.restarts).toEqual(['wasm-trap']);
    const second = await h.lifecycle.get();
    expect(second.id).toBe(2);
    expect(h.lifecycle.restarts).toBe(1);
  });

  it('ignores further reports about an engine already replaced', async () => {
    const h = harness();
    const first = await h.lifecycle.get();
    // Three queries were running when the worker died; each reports it.
    h.lifecycle.failed(first, 'worker-error');
    expect(h.lifecycle.failed(first, 'wasm-trap')).toBe(false);
    expect(h.lifecycle.failed(first, 'wasm-trap')).toBe(false);
    const second = await h.lifecycle.get();
    expect(h.disposed).toEqual([1]);
    expect(h.restarts).toEqual(['worker-error']);
    expect(second.id).toBe(2);
    // The replacement is healthy until it is reported itself.
    expect(h.lifecycle.failed(second, 'wasm-trap')).toBe(true);
    expect((await h.lifecycle.get()).id).toBe(3);
  });

  it('starts the replacement straight away, not at the next query', async () => {
    const h = harness();
    h.lifecycle.failed(await h.lifecycle.get(), 'worker-error');
    // Nobody has asked for an engine since, yet the second one is starting.
    expect(h.started()).toBe(2);
  });

  it('tries again after a start that failed, and reports that failure to the caller', async () => {
    const h = harness({ failStarts: 1 });
    await expect(h.lifecycle.get()).rejects.toThrow('could not be fetched');
    expect((await h.lifecycle.get()).id).toBe(1);
    expect(h.restarts).toEqual([]);
  });

  it('does not count a report about an engine that never started', () => {
    const h = harness();
    expect(h.lifecycle.failed({ id: 99 }, 'wasm-trap')).toBe(false);
    expect(h.restarts).toEqual([]);
  });
});

describe('isEngineTrap', () => {
  it.each([
    'RuntimeError: memory access out of bounds',
    'memory access out of bounds',
    'RuntimeError: unreachable',
    'RuntimeError: Aborted(OOM). Build with -sASSERTIONS for more info.',
    'RuntimeError: table index is out of bounds',
    'RuntimeError: null function or function signature mismatch',
    'RangeError: Maximum call stack size exceeded',
    'FATAL Error: Failed: database has been invalidated because of a previous fatal error.',
    'INTERNAL Error: Attempted to access index 3 within vector of size 3'
  ])('treats “%s” as a broken engine', (message) => {
    expect(isEngineTrap(message)).toBe(true);
  });

  it.each([
    'Binder Error: Referenced column "unreachable" not found in FROM clause!',
    'Out of Memory Error: failed to allocate data of size 2.0 GiB (2.0 GiB/3.1 GiB used)',
    'Parser Error: syntax error at or near "RuntimeError"',
    'Catalog Error: Table with name memory access out of bounds does not exist!',
    "Conversion Error: Could not convert string 'x' to INT32",
    'The query was cancelled.'
  ])('treats “%s” as a failed query on a healthy engine', (message) => {
    expect(isEngineTrap(message)).toBe(false);
  });
});
