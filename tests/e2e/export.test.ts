import { readFileSync } from 'node:fs';
import { Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { chartCsvHeader, readCsv } from './support/downloads';
import {
  frameOnly,
  frameShowsAll,
  lastPostedHeight,
  openPartnerPage,
  startPartnerSite
} from './support/partner-page';

// page.route cannot see requests that the app's service worker answers; these tests serve
// their own copy of the data, so the worker stays out.
test.use({ serviceWorkers: 'block' });

const RAW_FILE = 'eurostat/estat_crim_off_cat.tsv';
const HOSTILE_LABEL = '=HYPERLINK("http://evil.example/","click")';

/**
 * The shipped homicide table publishes no flags, but the exports must carry them: the test
 * serves the same table with two flags added (Romania 2022 provisional, Norway 2015 a
 * break), and a formula as the offence's label in the manifest. All values stay as published.
 */
function flaggedTable(): Buffer {
  const table = tableFromIPC(readFileSync('datasets/crim_off_cat.arrow'));
  const column = (name: string) => table.getChild(name) as { get(i: number): unknown };
  const [iccs, unit, geo, time, flag] = ['iccs', 'unit', 'geo', 'time', 'flag'].map(column);
  const flags: (string | null)[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const homicideRate = iccs.get(i) === 'ICCS0101' && unit.get(i) === 'P_HTHAB';
    const added =
      homicideRate && geo.get(i) === 'RO' && time.get(i) === '2022'
        ? 'p'
        : homicideRate && geo.get(i) === 'NO' && time.get(i) === '2015'
          ? 'b'
          : null;
    flags.push(added ?? (flag.get(i) as string | null) ?? null);
  }
  const columns = Object.fromEntries(
    table.schema.fields.map((field) => [field.name, table.getChild(field.name)])
  );
  return Buffer.from(
    tableToIPC(new Table({ ...columns, flag: vectorFromArray(flags, new Utf8()) }), 'stream')
  );
}

async function serveFlaggedData(page: Page) {
  const arrow = flaggedTable();
  await page.route('**/crim_off_cat*.arrow', (route) =>
    route.fulfill({ body: arrow, contentType: 'application/vnd.apache.arrow.stream' })
  );
  await page.route('**/manifest*.json', async (route) => {
    const manifest = await (await route.fetch()).json();
    const dataset = manifest.datasets.find((d: { id: string }) => d.id === 'crim_off_cat');
    const iccs = dataset.dimensions.find((d: { id: string }) => d.id === 'iccs');
    iccs.codes.find((c: { code: string }) => c.code === 'ICCS0101').label = HOSTILE_LABEL;
    await route.fulfill({ json: manifest });
  });
}

// The open share menu measures its embed in a hidden frame, which reads the manifest too: a
// request still in the handler when the test ends must not fail it as the page closes.
test.afterEach(async ({ page }) => {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

/** The home chart drawn from the live query, with the share menu open. */
async function openShareMenu(page: Page) {
  await serveFlaggedData(page);
  // The live query needs DuckDB started: on a busy machine that can take a while.
  test.slow();
  await page.goto('/');
  const figure = page.locator('figure.home-chart');
  await expect(figure).toHaveAttribute('data-source', 'live', { timeout: 90_000 });
  await expect(
    figure.locator('g.series[data-series="RO"] circle[data-period="2022"]')
  ).toHaveAttribute('data-flag', 'p');
  await figure.getByTestId('share-toggle').click();
  await expect(figure.getByTestId('share-toggle')).toHaveAttribute('aria-expanded', 'true');
  return figure;
}

async function download(page: Page, button: ReturnType<Page['getByTestId']>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return file;
}

async function downloadedBytes(file: Download): Promise<Buffer> {
  return readFileSync(await file.path());
}

const SOURCE = /^Source: Eurostat \(crim_off_cat\)/;

test('the SVG download is a standalone file with the edited title, source and flag legend', async ({
  page
}) => {
  const figure = await openShareMenu(page);
  await figure.getByText('Edit chart text').click();
  await figure.getByTestId('edit-title').fill('Homicide rates for the steering committee');
  await expect(figure.locator('h2')).toHaveText('Homicide rates for the steering committee');

  const file = await download(page, figure.getByTestId('download-svg'));
  // Named after the title the presenter wrote.
  expect(file.suggestedFilename()).toBe('Homicide-rates-for-the-steering-committee.svg');
  const svg = (await downloadedBytes(file)).toString('utf8');
  const read = await page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      title: root.querySelector(':scope > title')?.textContent,
      texts: [...root.querySelectorAll('text')].map((t) => t.textContent?.trim() ?? ''),
      flags: [...root.querySelectorAll('.flag-legend .flag')].map((g) =>
        g.getAttribute('data-flag')
      ),
      style: root.querySelector('style')?.textContent ?? '',
      roPoint:
        root
          .querySelector('g[data-series="RO"] circle[data-period="2022"]')
          ?.getAttribute('style') ?? '',
      points: root.querySelectorAll('circle.point').length,
      linksOut: [...root.querySelectorAll('*')].some((el) =>
        [...el.attributes].some((a) => /^(https?:)?\/\//.test(a.value) && a.name !== 'xmlns')
      )
    };
  }, svg);
  expect(read.error).toBeNull();
  expect(read.root).toBe('svg');
  expect(read.title).toBe('Homicide rates for the steering committee');
  expect(read.texts).toContain('Homicide rates for the steering committee');
  expect(read.texts.some((t) => SOURCE.test(t))).toBe(true);
  expect(read.flags).toEqual(['b', 'p']);
  expect(read.texts).toContain('b break in time series');
  expect(read.texts).toContain('p provisional');
  expect(read.style).toMatch(/font-family/);
  // Styles are inline: the point keeps its colour without the app's style sheets.
  expect(read.roPoint).toMatch(/stroke:\s*rgb\(0, 114, 178\)/);
  expect(read.points).toBe(await figure.locator('circle.point').count());
  expect(read.linksOut).toBe(false);
});

test('PNG downloads are twice the screen size and print size, as the buttons say', async ({
  page
}) => {
  const figure = await openShareMenu(page);
  const pngWidth = (bytes: Buffer) => {
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    return bytes.readUInt32BE(16);
  };

  const screenButton = figure.getByTestId('download-png-screen');
  const chartWidth = await figure
    .locator('svg[data-testid="line-chart"]')
    .evaluate((svg) => (svg as SVGSVGElement).width.baseVal.value);
  const stated = Number(/(\d+) px/.exec((await screenButton.textContent()) ?? '')?.[1]);
  expect(stated).toBe(2 * (chartWidth + 40));
  const screen = await download(page, screenButton);
  // The home board words its homicide chart's title, so files are named after it.
  expect(screen.suggestedFilename()).toMatch(/-2008-2022_2x\.png$/);
  expect(pngWidth(await downloadedBytes(screen))).toBe(stated);

  const print = await download(page, figure.getByTestId('download-png-print'));
  await expect(figure.getByTestId('download-png-print')).toContainText('2480 px');
  expect(print.suggestedFilename()).toMatch(/_print\.png$/);
  expect(pngWidth(await downloadedBytes(print))).toBe(2480);
});

test('the CSV holds exactly the points drawn, with flags, labels made inert and the source', async ({
  page
}) => {
  const figure = await openShareMenu(page);
  await figure.getByText('Edit chart text').click();
  await figure.getByTestId('edit-notes').fill('@SUM(A1:A9) looks like a formula\nSecond note');

  const file = await download(page, figure.getByTestId('download-csv'));
  expect(file.suggestedFilename()).toBe(
    'Intentional-homicide-per-100-000-inhabitants-2008-2022.csv'
  );
  const bytes = await downloadedBytes(file);
  expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
  const { header, records: data, after } = readCsv(bytes.toString('utf8'));
  expect(header).toEqual(chartCsvHeader('freq', 'iccs', 'unit', 'geo'));

  // Every point drawn is a row and every row is a point drawn, with its value and flag.
  const drawn = await figure
    .locator('circle.point')
    .evaluateAll((circles) =>
      circles.map((c) =>
        [
          c.closest('g.series')?.getAttribute('data-series'),
          c.getAttribute('data-period'),
          c.getAttribute('data-value'),
          c.getAttribute('data-flag')
        ].join('|')
      )
    );
  const exported = data.map((r) => [r.geo_code, r.time, r.value, r.flag].join('|'));
  expect(exported.sort()).toEqual(drawn.sort());

  const ro2008 = data.find((r) => r.geo_code === 'RO' && r.time === '2008');
  expect(ro2008?.value).toBe(rawTsvCell(RAW_FILE, 'A,ICCS0101,P_HTHAB,RO', '2008'));
  expect(ro2008).toMatchObject({
    dataset: 'crim_off_cat',
    unit_code: 'P_HTHAB',
    geo_label: 'Romania'
  });
  const ro2022 = data.find((r) => r.geo_code === 'RO' && r.time === '2022');
  expect(ro2022).toMatchObject({ flag: 'p', flag_meaning: 'provisional' });
  expect(ro2022?.value).toBe(rawTsvCell(RAW_FILE, 'A,ICCS0101,P_HTHAB,RO', '2022'));
  expect(data.find((r) => r.geo_code === 'NO' && r.time === '2015')?.flag_meaning).toBe(
    'break in time series'
  );

  // A label or note that a spreadsheet would run as a formula is written as text.
  for (const row of data) expect(row.iccs_label).toBe(`'${HOSTILE_LABEL}`);
  expect(after).toContain("'@SUM(A1:A9) looks like a formula");
  expect(after).toContain('Second note');
  expect(after.some((line) => SOURCE.test(line))).toBe(true);
});

test('the link and the embed snippet are copied, and the snippet is one valid iframe', async ({
  page,
  context,
  baseURL
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const figure = await openShareMenu(page);

  await figure.getByRole('button', { name: 'Copy link' }).click();
  await expect(figure.getByTestId('share-status')).toHaveText('Copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  // The explorer's view of the home chart, under the home chart's own title and subtitle.
  expect(link).toMatch(
    new RegExp(
      `^${baseURL}/explore\\?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO,BG,HU,DE&time=2008..2022&view=line&title=.+&subtitle=.+&v=2$`
    )
  );
  const linked = new URL(link).searchParams;
  expect(linked.get('title')).toBe('Intentional homicide per 100 000 inhabitants, 2008–2022');
  expect(linked.get('subtitle')).toBe(await figure.locator('.chart-subtitle').textContent());

  await figure.getByRole('button', { name: 'Copy embed code' }).click();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  await expect(figure.getByTestId('share-embed')).toHaveValue(snippet);
  const parsed = await page.evaluate((html) => {
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    const frame = body.firstElementChild;
    return {
      children: [...body.children].map((child) => child.localName),
      attributes: Object.fromEntries([...(frame?.attributes ?? [])].map((a) => [a.name, a.value])),
      // Serialising again gives the same text only when nothing had to be repaired.
      roundTrip: body.innerHTML
    };
  }, snippet);
  // The frame, then the few lines that make it follow its page's height.
  expect(parsed.children).toEqual(['iframe', 'script']);
  expect(parsed.roundTrip).toBe(snippet);
  expect(parsed.attributes).toEqual({
    src: link.replace('/explore?', '/embed?'),
    title: 'Intentional homicide per 100 000 inhabitants, 2008–2022',
    loading: 'lazy',
    style: expect.stringMatching(/^width:100%;height:\d+px;border:0$/)
  });

  // The menu is a disclosure: Escape closes it and gives the focus back to its button.
  await page.keyboard.press('Escape');
  const toggle = figure.getByTestId('share-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(figure.getByTestId('share-panel')).toHaveCount(0);
});

test.describe('an embedded chart', () => {
  let partner: Awaited<ReturnType<typeof startPartnerSite>>;
  test.beforeAll(async () => (partner = await startPartnerSite()));
  test.afterAll(() => partner.close());

  test('shows the chart alone, with title, source and a link, and posts its height', async ({
    page,
    context,
    baseURL
  }) => {
    const figure = await openShareMenu(page);
    partner.paste(await figure.getByTestId('share-embed').inputValue());
    const appOrigin = new URL(baseURL as string).origin;
    const { page: hostPage, problems } = await openPartnerPage(context, partner.origin, appOrigin);
    const frame = hostPage.frameLocator('iframe');
    await expect(frame.getByRole('img', { name: /Intentional homicide/ })).toBeVisible();
    // The frame shows the chart under the title it had where it was shared.
    await expect(frame.getByRole('heading', { level: 2 })).toHaveText(
      'Intentional homicide per 100 000 inhabitants, 2008–2022'
    );
    await expect(frame.getByText(SOURCE)).toBeVisible();
    await expect(frame.getByRole('navigation')).toHaveCount(0);
    const full = frame.getByTestId('embed-full-view');
    await expect(full).toHaveAttribute('href', /^\/explore\?ds=crim_off_cat&.*geo=RO,NO,BG,HU,DE/);
    await expect(full).toHaveAttribute('target', '_blank');

    // At a phone's width and a desktop's, the snippet's own script fits the frame to the
    // height the page posts: nothing scrolls, and the source and the link show.
    for (const width of [360, 1000]) {
      await hostPage.setViewportSize({ width, height: 1400 });
      const chartWidth = await frame
        .getByTestId('line-chart')
        .evaluate((svg) => (svg as SVGSVGElement).width.baseVal.value);
      expect(chartWidth).toBeLessThanOrEqual(width);
      await expect.poll(() => frameShowsAll(hostPage)).toBe(true);
      const frameHeight = await hostPage
        .locator('iframe')
        .evaluate((el) => Math.round(el.getBoundingClientRect().height));
      expect((await lastPostedHeight(hostPage))?.height).toBe(frameHeight);
    }
    const last = await lastPostedHeight(hostPage);
    expect(last?.origin).toBe(appOrigin);
    expect(last?.height).toBeGreaterThan(350);
    expect(problems).toEqual([]);
  });

  test('without its script, the frame starts at the height the page has at the width measured', async ({
    page,
    context,
    baseURL
  }) => {
    // The shipped data, not the flagged copy the other tests serve this page alone: the
    // partner's frame must show what the menu measured.
    test.slow();
    await page.goto('/');
    const figure = page.locator('figure.home-chart');
    await expect(figure).toHaveAttribute('data-source', 'live', { timeout: 90_000 });
    await figure.getByTestId('share-toggle').click();
    const measuredWidth = await figure.evaluate((el) => el.clientWidth);
    const snippetHeight = async () =>
      Number(/height:(\d+)px/.exec(await figure.getByTestId('share-embed').inputValue())?.[1]);
    partner.paste(frameOnly(await figure.getByTestId('share-embed').inputValue()));
    const appOrigin = new URL(baseURL as string).origin;
    const { page: hostPage, problems } = await openPartnerPage(context, partner.origin, appOrigin);
    // A frame as wide as the chart was where the snippet was copied (the host's body has 8 px
    // margins).
    await hostPage.setViewportSize({ width: measuredWidth + 16, height: 1400 });
    await expect(hostPage.frameLocator('iframe').getByTestId('line-chart')).toBeVisible();
    await expect.poll(async () => (await lastPostedHeight(hostPage))?.height).toBeGreaterThan(350);
    // The menu measured the embed page itself, so its snippet already says that height.
    await expect.poll(snippetHeight).toBe((await lastPostedHeight(hostPage))?.height);

    partner.paste(frameOnly(await figure.getByTestId('share-embed').inputValue()));
    await hostPage.reload();
    await expect(hostPage.frameLocator('iframe').getByTestId('line-chart')).toBeVisible();
    await expect.poll(() => frameShowsAll(hostPage)).toBe(true);
    expect(problems).toEqual([]);
  });
});

test('the theme switch turns the page dark and is remembered', async ({ page }) => {
  await page.goto('/');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.getByTestId('theme-switch').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(18, 20, 23)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme-switch')).toHaveValue('dark');
  await page.getByTestId('theme-switch').selectOption('auto');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});

test('a page chosen dark is dark from its first paint, before the app code has run', async ({
  page,
  context
}) => {
  await page.addInitScript(() => localStorage.setItem('cooperare.theme', 'dark'));
  // Hold the app's entry code back, so what is on screen is the HTML and CSS alone.
  let releaseApp = () => {};
  const appHeld = new Promise<void>((resolve) => (releaseApp = resolve));
  await context.route('**/_app/immutable/entry/**', async (route) => {
    await appHeld;
    await route.continue();
  });
  const loaded = page.goto('/explore');
  await page.waitForFunction(() => document.body !== null);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await page.evaluate(() => document.querySelector('main') !== null)).toBe(false);
  releaseApp();
  await loaded;
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 20, 23)');
});
