/**
 * The order in which tables go into the engine. DuckDB's worker runs its messages one at a
 * time, so a page that loads several tables at once (the home board loads four) makes its
 * first chart's query wait behind every insert sent before it. A page names the table its
 * first chart reads; every other table waits until that one is loaded, and one task more, so
 * that the chart's query, sent as soon as its table is in, reaches the worker before them.
 * The waiting tables' files are fetched meanwhile: only the inserts wait.
 */
export class LoadOrder {
  private first: { id: string; opened: Promise<void>; open: () => void } | null = null;

  /**
   * Loads `id` before any other table, from now until it has been loaded (or failed to) or
   * the returned function is called (the page that asked left). `alreadyLoaded`: nothing to
   * wait for.
   */
  putFirst(id: string, alreadyLoaded: boolean): () => void {
    // One first table at a time: what waited for an earlier one need not wait any longer,
    // and would otherwise wait until that page's release, since `settled` only knows the newer.
    if (this.first) this.letOthersGo(this.first);
    if (alreadyLoaded) return () => {};
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    const first = { id, opened, open };
    this.first = first;
    return () => this.letOthersGo(first);
  }

  /** Resolves when the table `id` may be loaded. */
  async turn(id: string): Promise<void> {
    if (this.first?.id !== id) await this.othersTurn();
  }

  /**
   * Resolves once the first table is in and its chart's query sent (at once when none is
   * named): for queries that are not the first chart's, on that table or any other.
   */
  async othersTurn(): Promise<void> {
    if (this.first) await this.first.opened;
  }

  /** The table `id` has been loaded, or failed to load. */
  settled(id: string): void {
    const first = this.first;
    // A task later: the first chart's query is sent in the microtasks that follow its load.
    if (first?.id === id) setTimeout(() => this.letOthersGo(first));
  }

  private letOthersGo(first: NonNullable<LoadOrder['first']>): void {
    first.open();
    if (this.first === first) this.first = null;
  }
}
