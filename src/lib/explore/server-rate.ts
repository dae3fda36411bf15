import { m } from '../i18n/messages';
import type { DatasetManifest } from '$lib/model/manifest';
import { POPULATION_DATASET_ID, type ExplorePlan } from './plan';

const NO_POPULATION = new RegExp(`Table with name "?${POPULATION_DATASET_ID}"? does not exist`);

/**
 * A computed rate on a server-held dataset joins the population table on the server. An
 * engine that holds none (one older than the population it adds, see docs/scaling.md)
 * answers with DuckDB's "Table with name demo_gind does not exist"; the reader gets what to
 * do instead. Any other failure is passed on as it is.
 */
export function explainRateFailure(manifest: DatasetManifest, plan: ExplorePlan) {
  return (error: unknown): never => {
    if (
      plan.needsPopulation &&
      manifest.origin === 'server' &&
      NO_POPULATION.test(error instanceof Error ? error.message : String(error))
    )
      throw new Error(m.explore_server_rate_no_population(), { cause: error });
    throw error;
  };
}
