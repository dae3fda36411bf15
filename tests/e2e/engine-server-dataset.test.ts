import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { tableFromIPC } from 'apache-arrow';
import type { DatasetManifest, Manifest } from '../../src/lib/model/manifest';
import { writeShippedDatabase } from '../../server/engine/shipped';
import { downloadText, readCsv } from './support/downloads';
import { tableValues } from './support/table-values';

/**
 * A dataset held by the server engine, through the whole app: the server engine
 * (`npm run engine`) and the static server with `--engine` are started here, each on a free
 * port, apart from the plain build the other tests use. The engine holds real shipped rows:
 * crim_off_cat, crim_gen_reg and migr_eipre under ids the app does not ship, so the catalogue
 * lists them as server-held, and tps00001 under its own id, which the browser's shipped copy
 * keeps. Its file holds no demo_gind: the engine adds the shipped one, for rates.
 */
const SERVER_ID = 'crim_off_cat_server';
/** Counts of persons with no published rate: a rate joins the population table. */
const MIGRATION_ID = 'migr_eipre_server';
const SHADOWED_ID = 'tps00001';
/** crim_gen_reg's 216,947 rows: past what the page holds whole, so a view holds its slice. */
const REGIONS_ID = 'crim_gen_reg_server';
const BUILD = process.env.BUILD_DIR ?? 'build';
const VIEW = `ds=${SERVER_ID}&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO&time=2008..2022`;

let dir: string;
let origin: string;
const children: ChildProcess[] = [];

/** Starts a Node script and resolves with the address it prints once it listens. */
function start(args: string[], listening: RegExp): Promise<string> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (part: Buffer) => {
      output += part;
      const found = listening.exec(output);
      if (found) resolve(found[1]);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}):\n${output}`)));
  });
}

/** The shipped manifest entry and Arrow rows of crim_off_cat: the source of every check. */
const shippedManifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8')) as Manifest;
const shipped = (id: string) => shippedManifest.datasets.find((d) => d.id === id)!;
const source = tableFromIPC(readFileSync('datasets/crim_off_cat.arrow'));

/** Published homicide per 100 000 inhabitants of `geo`, by year, from the shipped file. */
function sourceValues(geo: string): Map<string, number | null> {
  const values = new Map<string, number | null>();
  for (const row of source) {
    const r = row.toJSON() as Record<string, unknown>;
    if (r.iccs !== 'ICCS0101' || r.unit !== 'P_HTHAB' || r.geo !== geo) continue;
    const year = String(r.time);
    if (year >= '2008' && year <= '2022') values.set(year, r.value as number | null);
  }
  return values;
}

/** A test that sends the engine a statement it refuses marks itself with this annotation. */
const PROVOKES_REFUSAL = 'provokes-engine-refusal';

/** As tests/e2e/fixtures.ts, for this test's own origin: no error, nothing off the origin. */
const test = base.extend<{ problems: string[]; engineQueries: string[] }>({
  problems: [
    async ({ page }, use, info) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // Chromium logs every 4xx answer; one the test provokes on purpose is checked by it.
        const provoked = info.annotations.some((a) => a.type === PROVOKES_REFUSAL);
        if (provoked && message.location().url === `${origin}/engine/query`) return;
        problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) problems.push(`request off origin: ${url}`);
      });
      await use(problems);
      expect(problems, 'the page logged errors or left its origin').toEqual([]);
    },
    { auto: true }
  ],
  // The statements the page sent to the server engine.
  engineQueries: async ({ page }, use) => {
    const sent: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/engine/query')
        sent.push((JSON.parse(request.postData() ?? '{}') as { sql: string }).sql);
    });
    await use(sent);
  }
});

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(path.join(os.tmpdir(), 'cooperare-e2e-engine-'));
  const datasets = path.join(dir, 'datasets');
  const held: DatasetManifest[] = [
    { ...shipped('crim_off_cat'), id: SERVER_ID, file: 'crim_off_cat.arrow' },
    { ...shipped('crim_gen_reg'), id: REGIONS_ID, file: 'crim_gen_reg.arrow' },
    { ...shipped('migr_eipre'), id: MIGRATION_ID, file: 'migr_eipre.arrow' },
    shipped(SHADOWED_ID)
  ];
  mkdirSync(datasets);
  for (const d of held) copyFileSync(path.join('datasets', d.file), path.join(datasets, d.file));
  writeFileSync(
    path.join(datasets, 'manifest.json'),
    JSON.stringify({ version: 1, datasets: held })
  );
  const file = path.join(dir, 'held.duckdb');
  await writeShippedDatabase(datasets, file);
  const engine = await start(
    ['--import', 'tsx', 'server/engine/main.ts', '--db', file, '--port', '0'],
    /listening on (http:\/\/\S+)/
  );
  origin = await start(
    ['scripts/serve.js', BUILD, '--port', '0', '--engine', engine],
    /at (http:\/\/\S+?)\/?,/
  );
  // The engine builds its tables of runs after it starts; the pages below read them.
  await expect
    .poll(
      async () => {
        const body = (await (await fetch(`${engine}/datasets`)).json()) as {
          runs?: Record<string, string>;
        };
        return held.every((d) => body.runs?.[d.id]);
      },
      { timeout: 60_000 }
    )
    .toBe(true);
});

test.afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The explorer's marks of countries with data: from the engine's runs, or from the rows. */
const isMarks = (sql: string) => sql.includes('island') || sql.includes('cooperare_engine.runs');

async function liveView(page: Page, url: string) {
  await page.goto(`${origin}${url}`);
  const figure = page.getByTestId('explore-view');
  await expect(figure).toHaveAttribute('data-source', 'live', { timeout: 90_000 });
  return figure;
}

/** The drawn points of a series of the line chart, by period. */
async function drawnValues(page: Page, geo: string): Promise<Map<string, number>> {
  const points = page.locator(`[data-testid="line-chart"] g.series[data-series="${geo}"] circle`);
  const pairs = await points.evaluateAll((circles) =>
    circles.map((c) => [c.getAttribute('data-period'), c.getAttribute('data-value')])
  );
  return new Map(pairs.map(([period, value]) => [String(period), Number(value)]));
}

test('a view of a large server-held table answers a re-slice in the page, with the server’s values', async ({
  page,
  engineQueries
}) => {
  test.slow();
  await page.goto(
    `${origin}/explore?ds=${REGIONS_ID}&iccs=ICCS0401&unit=NR&geo=RO11,RO12,RO21&time=2008..2021&view=table`
  );
  // The first view is worked out from its own rows, the one request sent for it: the three
  // regions' rows over all years, not the table's 1,682 regions.
  const view = page.getByTestId('explore-view');
  await expect(view).toHaveAttribute('data-source', 'page', { timeout: 90_000 });
  const slice = engineQueries.filter((sql) => !isMarks(sql));
  expect(slice).toEqual([expect.stringContaining('dense_rank')]);
  expect(slice[0]).toContain("'RO12'");
  expect(slice[0]).not.toContain("'RO22'");

  await page.locator('[data-dimension="geo"] input[data-code="RO12"]').uncheck();
  await expect(page).not.toHaveURL(/RO12/);
  const from = page.getByRole('slider', { name: 'From' });
  await from.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/time=2012\.\.2021/);
  await page.getByTestId('transform-select').selectOption('yoy');
  await expect(page).toHaveURL(/transform=yoy/);
  // The embed of the same address holds no rows: the server answers its SQL, and the
  // page shows the same values.
  const embed = await page.context().newPage();
  await liveView(embed, page.url().slice(origin.length).replace('/explore?', '/embed?'));
  const fromServer = await tableValues(embed);
  expect(Object.values(fromServer).filter((v) => v !== '').length).toBeGreaterThan(10);
  await expect.poll(() => tableValues(page)).toEqual(fromServer);
  await expect(view).toHaveAttribute('data-source', 'page');
  // No view query was sent for the three changes; only the marks of regions with data.
  expect(engineQueries.filter((sql) => !isMarks(sql))).toEqual(slice);
  await embed.close();
});

test("the regions without data are marked from the engine's table of runs, as on the shipped table", async ({
  page,
  engineQueries
}) => {
  test.slow();
  // Norway's regions of NUTS 2021 (NO08, NO09, NO0A, NO020, NO074) have data from 2020 only.
  const selection = 'iccs=ICCS0101&unit=NR&geo=NO01,NO08,NO09,NO0A,NO020,NO074&time=2008..2010';
  const marked = async (ds: string) => {
    await page.goto(`${origin}/explore?ds=${ds}&${selection}`);
    const noData = page.locator('[data-dimension="geo"] li.no-data input[data-code]');
    await expect(noData.first()).toBeAttached({ timeout: 90_000 });
    return noData.evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-code')));
  };
  const shippedMarks = await marked('crim_gen_reg');
  expect(shippedMarks).toEqual(expect.arrayContaining(['NO08', 'NO09', 'NO0A', 'NO020', 'NO074']));
  expect(shippedMarks).not.toContain('NO01');
  expect(await marked(REGIONS_ID)).toEqual(shippedMarks);
  const marks = engineQueries.filter(isMarks);
  expect(marks).toEqual([expect.stringContaining(`cooperare_engine.runs."${REGIONS_ID}"`)]);
});

test('the catalogue lists the server-held dataset, where it is held, and the copy it leaves out', async ({
  page
}) => {
  test.slow();
  await page.goto(`${origin}/data`);
  const entry = page.locator(`article[data-dataset="${SERVER_ID}"]`);
  await expect(entry.locator('[data-origin="server"]')).toHaveText(/server engine/);
  await expect(page.locator(`article[data-dataset="${SHADOWED_ID}"]`)).toHaveCount(1);
  await expect(page.locator(`article[data-dataset="${SHADOWED_ID}"] .origin`)).toHaveText(
    /shipped/
  );
  const status = page.getByTestId('server-engine');
  await expect(status).toContainText('holds 4 datasets');
  await expect(status).toContainText(`It also holds ${SHADOWED_ID}`);
  await entry.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('data.png'), fullPage: false });
});

test('the explorer draws the server-held dataset with the values of the source', async ({
  page,
  engineQueries
}) => {
  test.slow();
  await liveView(page, `/explore?${VIEW}&view=line`);
  await expect(page.getByTestId('dataset-select').locator('option:checked')).toHaveText(
    / — server$/
  );
  for (const geo of ['RO', 'NO']) {
    const drawn = await drawnValues(page, geo);
    const expected = [...sourceValues(geo)].filter(([, v]) => v !== null);
    expect(expected.length, geo).toBeGreaterThan(10);
    expect([...drawn].sort(), geo).toEqual(expected.sort());
  }
  expect(engineQueries.some((sql) => sql.includes(`"${SERVER_ID}"`))).toBe(true);
  await page.screenshot({ path: test.info().outputPath('explore.png') });

  // The table view lists every period, a missing value as “:”.
  await page.goto(`${origin}/explore?${VIEW}&view=table`);
  const table = page.getByTestId('observation-table');
  await expect(table).toBeVisible({ timeout: 90_000 });
  for (const [year, value] of sourceValues('RO'))
    await expect(
      table.locator(`tr[data-series="RO"][data-period="${year}"] td.num`),
      year
    ).toHaveAttribute('data-value', value === null ? '' : String(value));

  // The CSV download carries the chart's title and the same values.
  const line = await liveView(page, `/explore?${VIEW}&view=line`);
  await line.getByTestId('share-toggle').click();
  const title = (await line.locator('h2').textContent())?.trim() ?? '';
  const { text } = await downloadText(page, line, 'download-csv');
  const csv = readCsv(text);
  expect(csv.after).toContain(title);
  for (const [year, value] of sourceValues('NO')) {
    const row = csv.records.find((r) => r.geo_code === 'NO' && r.time === year);
    if (value === null) expect(row?.value ?? '', year).toBe('');
    else expect(Number(row?.value), year).toBe(value);
    if (row) expect(row.dataset).toBe(SERVER_ID);
  }
});

for (const [held, shippedId, selection] of [
  [SERVER_ID, 'crim_off_cat', 'iccs=ICCS0101&unit=NR&geo=RO,NO&time=2008..2022'],
  [MIGRATION_ID, 'migr_eipre', 'reason=TOTAL&apprehen=TOTAL&citizen=TOTAL&geo=RO,NO,PL,DE']
]) {
  test(`a rate per 100 000 inhabitants of the server-held ${shippedId} shows the shipped dataset's values`, async ({
    page,
    engineQueries
  }) => {
    test.slow();
    await liveView(page, `/explore?ds=${shippedId}&${selection}&transform=rate&view=table`);
    const shippedValues = await tableValues(page);
    expect(Object.values(shippedValues).filter((v) => v !== '').length).toBeGreaterThan(20);

    await liveView(page, `/explore?ds=${held}&${selection}&view=table`);
    await page.getByTestId('transform-select').selectOption('rate');
    await expect(page).toHaveURL(/transform=rate/);
    await expect.poll(() => tableValues(page), { timeout: 90_000 }).toEqual(shippedValues);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(engineQueries.some((sql) => sql.includes(`"${held}"`))).toBe(true);
    if (shippedId === 'migr_eipre')
      expect(engineQueries.some((sql) => sql.includes('"demo_gind"'))).toBe(true);
  });
}

test('a server-held view is drawn while the shipped catalogue is still on its way', async ({
  page
}) => {
  test.slow();
  // The shipped manifest (430 KB) is held back until the chart is on screen.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_app\/immutable\/assets\/manifest\.[^/]+\.json$/, async (route) => {
    await held;
    await route.continue();
  });
  await liveView(page, `/explore?${VIEW}&view=line`);
  expect([...(await drawnValues(page, 'RO'))].sort()).toEqual(
    [...sourceValues('RO')].filter(([, v]) => v !== null).sort()
  );
  await liveView(page, `/embed?${VIEW}&view=line`);
  await expect(page.getByTestId('line-chart')).toBeVisible();

  // Once the catalogue is in, the explorer's list names the shipped datasets as well.
  release();
  await liveView(page, `/explore?${VIEW}&view=line`);
  const options = page.getByTestId('dataset-select').locator('option');
  await expect(options.filter({ hasText: / — server$/ })).not.toHaveCount(0);
  await expect.poll(() => options.count()).toBeGreaterThan(5);
  await expect(page.getByTestId('dataset-select')).toHaveValue(SERVER_ID);
});

test('the SQL console runs a statement on the server, and says why a mixed one cannot run', async ({
  page,
  engineQueries
}) => {
  test.slow();
  await page.goto(`${origin}/sql`);
  const tables = page.getByTestId('sql-tables');
  await expect(tables).toContainText(SERVER_ID);
  // One note per server-held table (three), none on the shipped ones.
  await expect(tables.getByTestId('sql-server-note')).toHaveCount(3);
  await expect(
    tables.locator('li', { has: page.getByRole('button', { name: SERVER_ID, exact: true }) })
  ).toContainText('statements that name this table run on the server');

  const editor = page.getByLabel('SQL query');
  const run = async (sql: string) => {
    await editor.fill(sql);
    await editor.press('Control+Enter');
  };
  await run(
    `SELECT time, value FROM ${SERVER_ID} WHERE iccs = 'ICCS0101' AND unit = 'P_HTHAB' ` +
      `AND geo = 'RO' AND time = '2008'`
  );
  const cell = page.getByTestId('result-grid').locator('[role="cell"][data-column="value"]');
  await expect(cell).toHaveText(String(sourceValues('RO').get('2008')), { timeout: 90_000 });
  expect(engineQueries.some((sql) => sql.includes(`FROM ${SERVER_ID}`))).toBe(true);

  // The server's own error, as the console shows DuckDB's.
  test.info().annotations.push({ type: PROVOKES_REFUSAL });
  await run(`SELECT nope FROM ${SERVER_ID}`);
  await expect(page.getByRole('alert')).toContainText('Binder Error');

  await run(`SELECT count(*) FROM ${SERVER_ID} JOIN crim_off_cat USING (geo, time)`);
  await expect(page.getByRole('alert')).toContainText(
    `held by the server engine (${SERVER_ID}) and tables held in this browser (crim_off_cat)`
  );
});

test('the embed draws the server-held dataset', async ({ page }) => {
  test.slow();
  await liveView(page, `/embed?${VIEW}&view=line`);
  const drawn = await drawnValues(page, 'RO');
  expect([...drawn].sort()).toEqual([...sourceValues('RO')].filter(([, v]) => v !== null).sort());
});

test("a programme indicator bound to the server-held dataset reads the engine's rows", async ({
  page,
  engineQueries
}) => {
  test.slow();
  // The shipped framework binds theft to the browser's crim_off_cat; the evaluator's file
  // binds it to the server's copy of the same rows, so the page must read the same figures.
  await page.goto(`${origin}/programme/indicator/theft`);
  const panel = page.locator('article[data-indicator=theft]');
  const baseline = panel.getByTestId('baseline');
  await expect(baseline).toContainText(/\(\d{4}\)/, { timeout: 90_000 });
  const shippedFigures = {
    baseline: await baseline.textContent(),
    latest: await panel.getByTestId('latest').textContent(),
    status: await panel.getByTestId('indicator-status').getAttribute('data-status')
  };
  expect(engineQueries.some((sql) => sql.includes(SERVER_ID))).toBe(false);

  const framework = JSON.parse(readFileSync('datasets/programme/ro21.json', 'utf8')) as {
    indicators: { id: string; binding?: { dataset: string } }[];
  };
  const theft = framework.indicators.find((i) => i.id === 'theft')!;
  theft.binding!.dataset = SERVER_ID;
  await page.goto(`${origin}/programme`);
  await page.getByTestId('framework-import').setInputFiles({
    name: 'ro21-server.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(framework))
  });
  await expect(page.getByTestId('framework-edited')).toBeVisible();

  await page.goto(`${origin}/programme/indicator/theft`);
  await expect(baseline).toHaveText(shippedFigures.baseline!, { timeout: 90_000 });
  await expect(panel.getByTestId('latest')).toHaveText(shippedFigures.latest!);
  await expect(panel.getByTestId('indicator-status')).toHaveAttribute(
    'data-status',
    shippedFigures.status!
  );
  await expect(page.getByTestId('indicator-trend').locator('svg').first()).toBeVisible();
  expect(engineQueries.some((sql) => sql.includes(SERVER_ID))).toBe(true);
});

/** The duckdb-wasm files a page requested (the worker's script and its 34 MB wasm). */
function browserEngineRequests(page: Page): string[] {
  const requested: string[] = [];
  page.on('request', (request) => {
    const file = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (/^duckdb-.*\.(wasm|js)$/.test(file)) requested.push(file);
  });
  return requested;
}

test('a view of a server-held dataset never downloads the browser engine, until one is shown that needs it', async ({
  page
}) => {
  test.slow();
  const requested = browserEngineRequests(page);
  const figure = await liveView(page, `/explore?${VIEW}&view=line`);
  await expect(figure.locator('g.series[data-series="RO"] circle').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested).toEqual([]);

  // A shipped dataset chosen on the same page is queried in this browser: the engine starts then.
  await page.getByTestId('dataset-select').selectOption('crim_off_cat');
  await expect(page.getByTestId('dataset-select').locator('option:checked')).not.toHaveText(
    / — server$/
  );
  await expect
    .poll(() => requested.some((file) => file.endsWith('.wasm')), { timeout: 90_000 })
    .toBe(true);
  await expect(figure).toHaveAttribute('data-source', 'live', { timeout: 90_000 });
  const drawn = await drawnValues(page, 'RO');
  expect([...drawn].sort()).toEqual([...sourceValues('RO')].filter(([, v]) => v !== null).sort());
});
