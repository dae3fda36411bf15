import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../server/engine/database';
import { DEFAULT_LIMITS, type EngineLimits } from '../../../server/engine/limits';
import { startService, type EngineService } from '../../../server/engine/service';
import { writeShippedDatabase } from '../../../server/engine/shipped';

export interface TestEngine {
  service: EngineService;
  /** The DuckDB file the service holds, written from the shipped datasets. */
  file: string;
  stop(): Promise<void>;
}

/**
 * The server engine on a free port of 127.0.0.1, holding real shipped datasets copied into
 * a DuckDB file of its own, with a one-second timeout so a runaway query is stopped soon, and
 * the shipped population table when the file has none (as `npm run engine`), unless told not.
 */
export async function startTestEngine(
  ids: string[],
  limits: Partial<EngineLimits> = {},
  { population = true } = {}
): Promise<TestEngine> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cooperare-engine-test-'));
  const file = path.join(dir, 'shipped.duckdb');
  await writeShippedDatabase('datasets', file, ids);
  const all = { ...DEFAULT_LIMITS, timeoutMs: 1000, threads: 1, memoryLimit: '512MB', ...limits };
  const service = await startService({
    open: () =>
      openDatabase({ kind: 'file', file }, all, { shippedDir: population ? 'datasets' : null }),
    limits: all,
    host: '127.0.0.1',
    port: 0
  });
  return {
    service,
    file,
    stop: async () => {
      await service.close();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
