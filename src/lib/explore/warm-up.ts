import type { SqlEngine } from '$lib/db/engine';
import { queries } from '$lib/db/query-manager';
import { warmUpQueries } from '$lib/query/warm-up';
import type { ExplorePlan } from './plan';

/** The transforms' first-use cost is paid once per page, whichever view pays it. */
let warmedUp = false;

/**
 * After the first live chart, when the page is idle, runs each transform once on the
 * selection (see warmUpQueries), one query per idle moment so a click waits for one at most.
 */
export function warmUpOnce(engine: SqlEngine, plan: ExplorePlan): void {
  if (warmedUp) return;
  warmedUp = true;
  const pending = warmUpQueries(plan.request, plan.from, plan.to);
  const whenIdle = (next: () => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(next, { timeout: 2_000 })
      : setTimeout(next, 200);
  const runNext = () => {
    const sql = pending.shift();
    // Only speed is at stake: a failed warm-up is the same query failing later, shown then.
    if (sql)
      queries.run({ key: sql, cache: false, priority: 'later', run: () => engine.query(sql) }).then(
        () => whenIdle(runNext),
        () => whenIdle(runNext)
      );
  };
  whenIdle(runNext);
}
