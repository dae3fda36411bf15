import type { Table } from 'apache-arrow';
import type { SqlEngine } from './engine';

/**
 * `now` is what a reader waits for on screen; `later` is work for a moment when nothing of
 * `now` is pending: a list's counts, a warm-up. The engine answers in turn, so a `later`
 * query sent first would hold the chart back by its whole run.
 */
export type QueryPriority = 'now' | 'later';

export interface QueryJob<T> {
  /** The same key, the same answer: a second asker shares the first one's work or result. */
  key: string;
  /**
   * The work. `meanwhile` shows a value at once while it runs (the build's snapshot of the same
   * query) and says whether it was shown: not when a newer request came first.
   */
  run: (meanwhile: (value: T) => boolean) => Promise<T>;
  priority?: QueryPriority;
  /** False for work whose answer must not be kept: a warm-up, a statement that writes. */
  cache?: boolean;
}

/** A job that runs one statement on an engine that its `engine` makes ready (tables loaded). */
export function sqlJob<T>(request: {
  sql: string;
  engine: () => Promise<SqlEngine>;
  read: (table: Table) => T;
  key?: string;
  priority?: QueryPriority;
  cache?: boolean;
}): QueryJob<T> {
  const { sql, engine, read, key = sql, priority, cache } = request;
  return { key, priority, cache, run: async () => read(await (await engine()).query(sql)) };
}

/**
 * Every page's queries go through one manager, as Mosaic's coordinator: it keeps answers by
 * key (the most recently used ones, a failure never), and holds `later` work back until no
 * `now` work is running.
 */
export class QueryManager {
  private readonly answers = new Map<string, Promise<unknown>>();
  /** The kept answers that have arrived, for a page that cannot wait a turn (see known). */
  private readonly arrived = new Map<string, unknown>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly capacity = 200) {}

  run<T>(job: QueryJob<T>): Promise<T> {
    if (job.cache === false) return this.schedule(job);
    const known = this.answers.get(job.key) as Promise<T> | undefined;
    if (known) {
      // Read again, so kept longest.
      this.answers.delete(job.key);
      this.answers.set(job.key, known);
      return known;
    }
    const answer = this.schedule(job);
    this.answers.set(job.key, answer);
    answer.then(
      (value) => {
        if (this.answers.get(job.key) === answer) this.arrived.set(job.key, value);
      },
      () => {
        if (this.answers.get(job.key) === answer) this.answers.delete(job.key);
      }
    );
    if (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value as string;
      this.answers.delete(oldest);
      this.arrived.delete(oldest);
    }
    return answer;
  }

  /**
   * The kept answer to `key` if it has arrived, at once (undefined if not): what the page
   * answers from in the same frame as a click, with no promise to wait a turn for.
   */
  known<T>(key: string): T | undefined {
    return this.arrived.get(key) as T | undefined;
  }

  /** Forgets every kept answer: the data under them changed (a dataset imported or removed). */
  clear(): void {
    this.answers.clear();
    this.arrived.clear();
  }

  private async schedule<T>(job: QueryJob<T>): Promise<T> {
    if (job.priority === 'later') {
      // Work for now asked in the same turn (a page's effects run in some order) goes first.
      await new Promise((go) => setTimeout(go));
      while (this.running > 0) await new Promise<void>((go) => this.waiting.push(go));
      return job.run(nothingMeanwhile);
    }
    this.running++;
    try {
      return await job.run(nothingMeanwhile);
    } finally {
      this.running--;
      if (this.running === 0) this.waiting.splice(0).forEach((go) => go());
    }
  }
}

const nothingMeanwhile = () => false;

/** The one manager of the page, shared by the explorer, the programme, the console and embeds. */
export const queries = new QueryManager();
