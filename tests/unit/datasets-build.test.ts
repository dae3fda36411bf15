import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildDatasets } from '../../scripts/build-datasets';
import { RAW_DIR } from '../support/raw';

const shipped = path.resolve(process.cwd(), 'datasets');
let scratch = '';

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('npm run datasets:build', () => {
  test.runIf(existsSync(RAW_DIR))(
    'rebuilding from the published files gives exactly the committed datasets/',
    async () => {
      scratch = await mkdtemp(path.join(os.tmpdir(), 'cooperare-build-'));
      const out = path.join(scratch, 'datasets');
      await buildDatasets(RAW_DIR, out);
      // The top level and geo/ are written by the build; other folders (programme/) are not.
      const filesIn = async (root: string) =>
        (
          await Promise.all(
            ['', 'geo'].map(async (dir) =>
              (await readdir(path.join(root, dir), { withFileTypes: true }))
                .filter((entry) => entry.isFile())
                .map((entry) => path.join(dir, entry.name))
            )
          )
        )
          .flat()
          .sort();
      const built = await filesIn(out);
      const committed = (await filesIn(shipped)).filter((name) => built.includes(name));
      expect(committed).toEqual(built);
      expect(built).toContain(path.join('geo', 'nuts3.json'));
      for (const name of built) {
        const [a, b] = await Promise.all([
          readFile(path.join(out, name)),
          readFile(path.join(shipped, name))
        ]);
        expect(
          a.equals(b),
          `${name} differs from the committed file: run npm run datasets:build`
        ).toBe(true);
      }
    },
    240_000
  );

  test.runIf(existsSync(RAW_DIR))(
    'the command a newcomer runs works under plain Node, snapshots included',
    async () => {
      // vitest compiles Svelte's runes; the command does not, so a rune reached from the
      // build's imports only fails here.
      const out = await mkdtemp(path.join(os.tmpdir(), 'cooperare-command-'));
      try {
        const run = spawnSync('npx', ['tsx', 'scripts/build-datasets.ts', RAW_DIR, out], {
          encoding: 'utf8'
        });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^crim_off_cat\s+17474 rows/m);
        // The home board's snapshots and the explorer's default view, as shipped.
        const names = (await readdir(path.join(shipped, 'snapshots'))).sort();
        expect(names).toContain('home-homicide.json');
        expect((await readdir(path.join(out, 'snapshots'))).sort()).toEqual(names);
        for (const name of names)
          expect(await readFile(path.join(out, 'snapshots', name), 'utf8'), name).toBe(
            await readFile(path.join(shipped, 'snapshots', name), 'utf8')
          );
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    },
    240_000
  );

  test('a source that fails to parse stops the build and leaves the output folder as it was', async () => {
    const bad = await mkdtemp(path.join(os.tmpdir(), 'cooperare-bad-'));
    await mkdir(path.join(bad, 'raw', 'eurostat'), { recursive: true });
    await writeFile(
      path.join(bad, 'raw', 'eurostat', 'estat_crim_off_cat.tsv'),
      '<!doctype html><html><body>Not found</body></html>\n'
    );
    const out = path.join(bad, 'datasets');
    await mkdir(out);
    await writeFile(path.join(out, 'manifest.json'), '{"kept":true}');
    await expect(buildDatasets(path.join(bad, 'raw'), out)).rejects.toThrow(
      /Dataset crim_off_cat: estat_crim_off_cat\.tsv/
    );
    expect(await readdir(out)).toEqual(['manifest.json']);
    expect(await readFile(path.join(out, 'manifest.json'), 'utf8')).toBe('{"kept":true}');
    await rm(bad, { recursive: true, force: true });
  });
});
