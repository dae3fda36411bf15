import { queries, type QueryJob, type QueryManager } from './query-manager';

export type QueryAnswer<T> =
  { status: 'idle' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

/**
 * One thing on screen that asks the engine, as Mosaic's MosaicClient: it asks with a key, the
 * work and a priority, and shows the answer to the last thing it asked. An answer to an
 * earlier request that arrives late is dropped, whatever order the engine answers in.
 */
export class QueryClient<T> {
  /** The answer to the latest request that has one; it stays while a newer one is pending. */
  answer = $state.raw<QueryAnswer<T>>({ status: 'idle' });
  /** A request newer than the answer shown is on its way. */
  pending = $state(false);
  private latest = 0;

  constructor(private readonly manager: QueryManager = queries) {}

  /**
   * Asks for `job`'s answer; resolves with it once shown, or with null when a newer request
   * came first (the caller's follow-up, such as announcing the chart, is then not due).
   */
  async request(job: QueryJob<T>): Promise<QueryAnswer<T> | null> {
    const ticket = ++this.latest;
    this.pending = true;
    const meanwhile = (value: T) => {
      if (ticket !== this.latest) return false;
      this.answer = { status: 'ready', value };
      this.pending = false;
      return true;
    };
    let answer: QueryAnswer<T>;
    try {
      answer = {
        status: 'ready',
        value: await this.manager.run({ ...job, run: () => job.run(meanwhile) })
      };
    } catch (error) {
      answer = { status: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    if (ticket !== this.latest) return null;
    this.answer = answer;
    this.pending = false;
    return answer;
  }

  /**
   * Shows an answer worked out in the page, without the engine; a request still on its way
   * is then older than it, so its answer is dropped when it comes.
   */
  show(value: T): void {
    this.latest++;
    this.answer = { status: 'ready', value };
    this.pending = false;
  }

  /** Takes the answer off screen (it belongs to another dataset); a pending request goes on. */
  forget(): void {
    this.answer = { status: 'idle' };
  }
}
