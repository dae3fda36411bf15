import { describe, expect, it } from 'vitest';
import { PromiseCache } from '../../../src/lib/catalog/promise-cache';

describe('PromiseCache', () => {
  it('starts the work for a key once, however many callers ask', async () => {
    const cache = new PromiseCache<number>();
    let started = 0;
    const start = async () => ++started;
    const answers = await Promise.all([cache.get('a', start), cache.get('a', start)]);
    expect(answers).toEqual([1, 1]);
    expect(await cache.get('a', start)).toBe(1);
    expect(await cache.get('b', start)).toBe(2);
  });

  it('forgets a failure, so the next caller tries again', async () => {
    const cache = new PromiseCache<string>();
    await expect(cache.get('a', () => Promise.reject(new Error('offline')))).rejects.toThrow(
      'offline'
    );
    expect(await cache.get('a', async () => 'loaded')).toBe('loaded');
  });

  it('keeps a newer answer when an older attempt fails after it was replaced', async () => {
    const cache = new PromiseCache<string>();
    let fail = (_error: Error) => {};
    const older = cache.get('a', () => new Promise<string>((_resolve, reject) => (fail = reject)));
    await cache.set('a', Promise.resolve('newer'));
    fail(new Error('stale'));
    await expect(older).rejects.toThrow('stale');
    expect(await cache.get('a', async () => 'started again')).toBe('newer');
  });

  it('clear forgets every key', async () => {
    const cache = new PromiseCache<string>();
    await cache.get('a', async () => 'first');
    cache.clear();
    expect(await cache.get('a', async () => 'second')).toBe('second');
  });
});
