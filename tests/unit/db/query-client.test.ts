import { describe, expect, it } from 'vitest';
import { QueryClient } from '../../../src/lib/db/query-client.svelte';
import { QueryManager, type QueryJob } from '../../../src/lib/db/query-manager';

/** A job whose answer comes when the test says so. */
function deferred<T>(key: string, priority?: QueryJob<T>['priority']) {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  let runs = 0;
  const answer = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const job: QueryJob<T> = {
    key,
    priority,
    run: () => {
      runs++;
      return answer;
    }
  };
  return { job, resolve, reject, runs: () => runs };
}

const settle = () => new Promise((go) => setTimeout(go, 0));

describe('QueryClient', () => {
  it('shows an answer worked out in the page at once, and drops the engine’s older one', async () => {
    const client = new QueryClient<string>(new QueryManager());
    const asked = deferred<string>('a');
    const shown = client.request(asked.job);
    client.show('in the page');
    expect(client.answer).toEqual({ status: 'ready', value: 'in the page' });
    expect(client.pending).toBe(false);
    asked.resolve('from the engine');
    expect(await shown).toBeNull();
    expect(client.answer).toEqual({ status: 'ready', value: 'in the page' });
  });

  it('knows an answer kept by the manager once it has arrived, and forgets it on clear', async () => {
    const manager = new QueryManager();
    const asked = deferred<string>('rows');
    const answer = manager.run(asked.job);
    expect(manager.known('rows')).toBeUndefined();
    asked.resolve('held');
    await answer;
    expect(manager.known('rows')).toBe('held');
    manager.clear();
    expect(manager.known('rows')).toBeUndefined();
  });

  it('drops an answer that arrives after a newer request’s', async () => {
    const client = new QueryClient<string>(new QueryManager());
    const first = deferred<string>('a');
    const second = deferred<string>('b');
    const firstShown = client.request(first.job);
    const secondShown = client.request(second.job);
    second.resolve('new');
    expect(await secondShown).toEqual({ status: 'ready', value: 'new' });
    first.resolve('old');
    expect(await firstShown).toBeNull();
    expect(client.answer).toEqual({ status: 'ready', value: 'new' });
    expect(client.pending).toBe(false);
  });

  it('keeps the answer on screen while a newer one is pending, and shows errors as values', async () => {
    const client = new QueryClient<string>(new QueryManager());
    const first = deferred<string>('a');
    first.resolve('shown');
    await client.request(first.job);
    const second = deferred<string>('b');
    const shown = client.request(second.job);
    expect(client.pending).toBe(true);
    expect(client.answer).toEqual({ status: 'ready', value: 'shown' });
    second.reject(new Error('Binder Error: no such table'));
    expect(await shown).toEqual({ status: 'error', message: 'Binder Error: no such table' });
    expect(client.pending).toBe(false);
  });

  it('shows a value meanwhile only for the latest request', async () => {
    const client = new QueryClient<string>(new QueryManager());
    let later!: (value: string) => void;
    const shownMeanwhile: boolean[] = [];
    const job = (key: string): QueryJob<string> => ({
      key,
      run: (meanwhile) => {
        shownMeanwhile.push(meanwhile(`${key} snapshot`));
        return new Promise((res) => (later = res));
      }
    });
    client.request(job('a'));
    expect(client.answer).toEqual({ status: 'ready', value: 'a snapshot' });
    expect(client.pending).toBe(false);
    const second = client.request(job('b'));
    later('b live');
    await second;
    expect(shownMeanwhile).toEqual([true, true]);
    expect(client.answer).toEqual({ status: 'ready', value: 'b live' });
  });
});

describe('QueryManager', () => {
  it('runs a key once and shares its answer, but not a failure', async () => {
    const manager = new QueryManager();
    const ok = deferred<number>('sum');
    const both = Promise.all([manager.run(ok.job), manager.run(ok.job)]);
    ok.resolve(42);
    expect(await both).toEqual([42, 42]);
    expect(ok.runs()).toBe(1);
    expect(await manager.run(ok.job)).toBe(42);
    expect(ok.runs()).toBe(1);

    const failing = deferred<number>('broken');
    failing.reject(new Error('worker restarted'));
    await expect(manager.run(failing.job)).rejects.toThrow('worker restarted');
    await expect(manager.run(failing.job)).rejects.toThrow('worker restarted');
    expect(failing.runs()).toBe(2);
  });

  it('keeps the most recently used answers up to its capacity, none when asked not to', async () => {
    const manager = new QueryManager(2);
    let runs = 0;
    const job = (key: string, cache?: boolean): QueryJob<string> => ({
      key,
      cache,
      run: async () => `${key}${++runs}`
    });
    await manager.run(job('a'));
    await manager.run(job('b'));
    await manager.run(job('a'));
    await manager.run(job('c'));
    expect(await manager.run(job('a'))).toBe('a1');
    expect(await manager.run(job('b'))).toBe('b4');
    expect(await manager.run(job('x', false))).toBe('x5');
    expect(await manager.run(job('x', false))).toBe('x6');
    manager.clear();
    expect(await manager.run(job('a'))).toBe('a7');
  });

  it('starts later work only when no work for now is running', async () => {
    const manager = new QueryManager();
    const chart = deferred<string>('chart');
    const counts = deferred<string>('counts', 'later');
    manager.run(chart.job);
    const countsAnswer = manager.run(counts.job);
    await settle();
    expect(counts.runs()).toBe(0);
    chart.resolve('drawn');
    await settle();
    expect(counts.runs()).toBe(1);
    counts.resolve('listed');
    expect(await countsAnswer).toBe('listed');

    const idle = deferred<string>('idle', 'later');
    manager.run(idle.job);
    await settle();
    expect(idle.runs()).toBe(1);
  });
});
