/**
 * npm run datasets:build [raw-data folder] [output folder]
 *
 * Reads the published files (../shared/datasets by default), turns each into the long shape
 * with the app's own readers, and writes datasets/: one Arrow IPC file per dataset,
 * manifest.json and SOURCES.md. Everything is read and checked before anything is written,
 * so a file that fails to parse stops the build and leaves datasets/ as it was. The output
 * depends only on the input files: running it twice gives identical bytes.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLongDataset } from '../src/lib/catalog/describe';
import type { DatasetManifest, Manifest } from '../src/lib/model/manifest';
import { longDatasetToIpc } from '../src/lib/ingest/arrow';
import { RECIPES, type DatasetRecipe } from './dataset-recipes';
import { combineHarmonised } from './harmonise';
import { recodeLabels } from '../src/lib/ingest/transform';
import { renderSourcesMarkdown } from './sources-markdown';
import { buildGeometry } from './build-geometry';
import { buildSnapshots } from './build-snapshots';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface BuiltDataset {
  manifest: DatasetManifest;
  ipc: Uint8Array;
}

const NUTS_FILE = 'geo/NUTS_RG_60M_2021_4326.geojson';

/** NUTS code → Latin-script name, from GISCO's NUTS 2021 file, for regional geo labels. */
async function readNutsNames(rawDir: string): Promise<Map<string, string>> {
  const text = await readFile(path.join(rawDir, NUTS_FILE), 'utf8');
  const collection = JSON.parse(text) as {
    features: { properties: { NUTS_ID: string; NAME_LATN: string } }[];
  };
  return new Map(collection.features.map((f) => [f.properties.NUTS_ID, f.properties.NAME_LATN]));
}

/** `2026-05-12T11:00:00+0200` → `2026-05-12`; other forms are kept as the file gives them. */
function dateOnly(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}

async function buildOne(
  recipe: DatasetRecipe,
  rawDir: string,
  nutsNames: () => Promise<Map<string, string>>
): Promise<BuiltDataset> {
  const editions = [];
  for (const source of recipe.sources) {
    const file = path.join(rawDir, source.relativePath);
    const bytes = new Uint8Array(await readFile(file));
    editions.push(source.read(bytes, source.file));
  }
  const combined = combineHarmonised(editions);
  // Regional codes (RO321) come without names in the TSV; GISCO's file names them.
  const geo = combined.dimensions.find((d) => d.id === 'geo');
  const unnamed = geo !== undefined && [...geo.codes].some(([code, label]) => code === label);
  const names = unnamed ? await nutsNames() : new Map<string, string>();
  const long = recodeLabels(combined, 'geo', (code, label) =>
    label === code ? (names.get(code) ?? null) : null
  );
  const ipc = longDatasetToIpc(long);
  const lastUpdate =
    recipe.lastUpdate ??
    editions
      .map((edition) => edition.lastUpdate)
      .filter((date): date is string => date !== null)
      .map(dateOnly)
      .sort()
      .pop() ??
    null;
  const manifest: DatasetManifest = {
    id: recipe.id,
    title: recipe.title,
    publisher: recipe.publisher,
    tableCode: recipe.tableCode,
    licence: recipe.licence,
    sources: recipe.sources.map(({ file, repository, path: p, commit, format }) => ({
      file,
      repository,
      path: p,
      commit,
      format
    })),
    combination: recipe.combination,
    lastUpdate,
    ...describeLongDataset(long),
    // The readers add what they found in the file itself (duplicates, spelling variants).
    caveats: [...recipe.caveats, ...editions.flatMap((edition) => edition.caveats ?? [])],
    file: `${recipe.id}.arrow`,
    bytes: ipc.byteLength,
    origin: 'shipped'
  };
  return { manifest, ipc };
}

export async function buildDatasets(rawDir: string, outDir: string): Promise<Manifest> {
  const built: BuiltDataset[] = [];
  let names: Promise<Map<string, string>> | null = null;
  const nutsNames = () =>
    (names ??= readNutsNames(rawDir).catch((error) => {
      throw new Error(`${NUTS_FILE}: ${error instanceof Error ? error.message : error}`);
    }));
  for (const recipe of RECIPES) {
    try {
      built.push(await buildOne(recipe, rawDir, nutsNames));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`Dataset ${recipe.id}: ${message}`, { cause: error });
    }
  }
  const manifest: Manifest = { version: 1, datasets: built.map((b) => b.manifest) };
  // The map's region outlines: datasets/geo/, built from the same GISCO file as the names.
  const geometry = await buildGeometry(rawDir);

  // Write into a fresh folder beside the target, then swap the generated files in one go;
  // datasets/programme (edited by hand) is never touched.
  const staging = `${outDir}.staging`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const { manifest: entry, ipc } of built)
    await writeFile(path.join(staging, entry.file), ipc);
  await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  await writeFile(path.join(staging, 'SOURCES.md'), renderSourcesMarkdown(manifest));
  await mkdir(path.join(staging, 'geo'));
  for (const file of geometry) await writeFile(path.join(staging, 'geo', file.name), file.text);
  await mkdir(path.join(outDir, 'geo'), { recursive: true });
  for (const name of [
    ...built.map((b) => b.manifest.file),
    'manifest.json',
    'SOURCES.md',
    ...geometry.map((file) => path.join('geo', file.name))
  ])
    await rename(path.join(staging, name), path.join(outDir, name));
  await rm(staging, { recursive: true, force: true });
  return manifest;
}

const isEntryPoint =
  process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const rawDir = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'datasets'));
  const outDir = path.resolve(process.argv[3] ?? path.join(root, 'datasets'));
  buildDatasets(rawDir, outDir)
    .then(async (manifest) => {
      for (const d of manifest.datasets)
        console.log(
          `${d.id.padEnd(22)} ${String(d.rowCount).padStart(8)} rows  ${d.time.first}–${d.time.last}  ${(d.bytes / 1024).toFixed(0)} KiB`
        );
      // Second step, from the files just written: the default views' first-paint snapshots.
      for (const file of await buildSnapshots(outDir))
        console.log(`snapshot ${path.relative(root, file)}`);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
