/**
 * npx tsx scripts/backtest-projections.ts [--out docs/projection-backtest.json]
 *                                          [--from burglary=2015,theft=2015]
 *
 * The rolling-origin backtest of the projection methods on the shipped series of every
 * statistic indicator of the RO21 results framework (datasets/programme/ro21.json): each
 * series read through the same duckdb-wasm the app runs, cut at every year that leaves
 * enough values, projected 1–4 years ahead (the publication lag) and scored by MASE and by
 * interval coverage. Prints the tables docs/methods.md quotes and writes them as JSON.
 * --from fits the named indicators only from a year on, to see how much a break weighs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { startNodeEngine } from '../src/lib/db/node-engine';
import { valuesByGeo } from '../src/lib/indicators/evaluate';
import type { StatisticIndicator } from '../src/lib/indicators/framework';
import { parseFramework } from '../src/lib/indicators/framework-check';
import {
  backtest,
  type BacktestSeries,
  type MethodScore
} from '../src/lib/indicators/projection-backtest';
import type { ProjectionMethodId } from '../src/lib/indicators/projection-methods';
import { indicatorSeriesRequest } from '../src/lib/query/indicator';
import { observationsFromTable, seriesSql } from '../src/lib/query/series';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outIndex = argv.indexOf('--out');
const OUT = path.resolve(
  root,
  outIndex >= 0 ? argv[outIndex + 1] : 'docs/projection-backtest.json'
);
const fromIndex = argv.indexOf('--from');
const FROM_YEAR = new Map(
  (fromIndex >= 0 ? argv[fromIndex + 1].split(',') : []).map((pair) => {
    const [id, year] = pair.split('=');
    return [id, Number(year)] as const;
  })
);

const METHODS: ProjectionMethodId[] = ['naive', 'drift', 'log-linear', 'damped'];
const MAX_HORIZON = 4;

const parsed = parseFramework(
  await readFile(path.join(root, 'datasets/programme/ro21.json'), 'utf8')
);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const indicators = parsed.framework.indicators.filter(
  (i): i is StatisticIndicator => i.kind === 'statistic'
);

const engine = await startNodeEngine();
const loaded = new Set<string>();
const series: BacktestSeries[] = [];
for (const indicator of indicators) {
  const { dataset, filters, geo } = indicator.binding;
  if (!loaded.has(dataset)) {
    await engine.insertArrowIpc(
      dataset,
      await readFile(path.join(root, 'datasets', `${dataset}.arrow`))
    );
    loaded.add(dataset);
  }
  const sql = seriesSql(indicatorSeriesRequest({ dataset, filters, geos: [geo] }));
  const own = valuesByGeo(observationsFromTable(await engine.query(sql))).get(geo) ?? new Map();
  series.push({
    id: indicator.id,
    values: [...own].map(([year, value]) => ({ year, value })),
    fromYear: FROM_YEAR.get(indicator.id)
  });
}

const result = backtest(series, { methods: METHODS, maxHorizon: MAX_HORIZON });

const fmt = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined ? '–' : v.toFixed(digits);
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : `${Math.round(v * 100)} %`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

const lines: string[] = [];
lines.push('MASE by indicator (all cuts, 1–4 years ahead pooled)', '');
lines.push(row(['Indicator', 'Years', 'Cuts', 'Forecasts', ...METHODS]));
lines.push(row(['---', '---', '---:', '---:', ...METHODS.map(() => '---:')]));
for (const s of result.series) {
  const spec = series.find((x) => x.id === s.id)!;
  const values = spec.values.filter(
    (v) => v.value !== null && (spec.fromYear === undefined || v.year >= spec.fromYear)
  );
  const years = `${values[0].year}–${values[values.length - 1].year} (${values.length})`;
  const best = Math.min(...METHODS.map((m) => s.methods[m]?.mase ?? Infinity));
  lines.push(
    row([
      s.id,
      years,
      String(s.origins.length),
      String(s.methods[METHODS[0]]?.count ?? 0),
      ...METHODS.map((m) => {
        const v = s.methods[m]?.mase ?? null;
        return v !== null && v === best ? `**${fmt(v)}**` : fmt(v);
      })
    ])
  );
}
lines.push('', 'Overall', '');
lines.push(
  row([
    'Method',
    'Mean of indicators’ MASE',
    'Pooled MASE',
    ...Array.from({ length: MAX_HORIZON }, (_, i) => `h = ${i + 1}`),
    'Lowest in',
    '80 % interval held',
    '95 % interval held',
    'Forecasts'
  ])
);
lines.push(row(['---', ...Array.from({ length: MAX_HORIZON + 6 }, () => '---:')]));
for (const m of METHODS) {
  const o = result.overall[m] as MethodScore & { meanOfSeries: number | null; wins: number };
  lines.push(
    row([
      m,
      fmt(o.meanOfSeries),
      fmt(o.mase),
      ...o.maseByHorizon.map((v) => fmt(v)),
      String(o.wins),
      pct(o.coverage80),
      pct(o.coverage95),
      String(o.count)
    ])
  );
}
console.log(lines.join('\n'));

const json = JSON.stringify(
  {
    description:
      'Rolling-origin backtest of the projection methods on the statistic indicators of datasets/programme/ro21.json (scripts/backtest-projections.ts).',
    maxHorizon: MAX_HORIZON,
    methods: METHODS,
    fromYear: Object.fromEntries(FROM_YEAR),
    overall: result.overall,
    series: result.series.map((s) => ({ id: s.id, origins: s.origins, methods: s.methods }))
  },
  null,
  2
);
// Formatted as the repository's prettier check expects, so the file can be committed as written.
await writeFile(OUT, await format(json, { ...(await resolveConfig(OUT)), parser: 'json' }));
console.log(`\nWrote ${path.relative(root, OUT)}`);
