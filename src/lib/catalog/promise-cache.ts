/**
 * Work that is done once per key and shared by every caller that asks while it runs or after:
 * a dataset's table, an indicator's rows. A failure is not kept, so the next caller tries
 * again (a dropped connection, a worker that restarted) instead of inheriting the error.
 */
export class PromiseCache<T> {
  private readonly pending = new Map<string, Promise<T>>();

  /** The work for `key`, started by `start` unless it is already under way or done. */
  get(key: string, start: () => Promise<T>): Promise<T> {
    const known = this.pending.get(key);
    if (known) return known;
    return this.set(key, start());
  }

  /** Makes `work` the one answer for `key` from now on, replacing any earlier one. */
  set(key: string, work: Promise<T>): Promise<T> {
    this.pending.set(key, work);
    // Only this attempt is forgotten: a newer one set meanwhile stays.
    work.catch(() => {
      if (this.pending.get(key) === work) this.pending.delete(key);
    });
    return work;
  }

  /** Whether work for `key` is under way or done. */
  has(key: string): boolean {
    return this.pending.has(key);
  }

  clear(): void {
    this.pending.clear();
  }
}
