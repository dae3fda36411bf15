import { beforeAll, describe, expect, it } from 'vitest';
import { QueryManager } from '../../../src/lib/db/query-manager';
import { ExploreState, type ExploreSources } from '../../../src/lib/explore/explore-state.svelte';
import { answerInPage } from '../../../src/lib/explore/in-page';
import { rehearsalStates } from '../../../src/lib/explore/rehearsal.svelte';
import { defaultViewState } from '../../../src/lib/state/defaults';
import type { ViewState } from '../../../src/lib/state/view-state';
import { CRIME, crimeSources } from '../support/explore-sources';

const crime = CRIME;

let sources: ExploreSources;
beforeAll(async () => {
  ({ sources } = await crimeSources());
}, 60_000);

const byDefault = () => defaultViewState('crim_off_cat', crime);
const homicide = (patch: Partial<ViewState> = {}): ViewState => ({
  ...byDefault(),
  selections: {
    ...byDefault().selections,
    iccs: ['ICCS0101'],
    unit: ['P_HTHAB'],
    geo: ['RO', 'NO']
  },
  time: { from: '2010', to: '2020' },
  ...patch
});

describe('ExploreState', () => {
  it('answers a view with its series, its title, notes and the rows of a download', async () => {
    const explore = new ExploreState(homicide(), crime, { sources, manager: new QueryManager() });
    expect(await explore.follow(homicide(), crime)).toBe(true);
    expect(explore.ready?.source).toBe('live');
    expect(explore.series.map((s) => s.key).sort()).toEqual(['NO', 'RO']);
    expect(explore.text?.title).toContain('2010–2020');
    expect(explore.exportRows.length).toBe(22);
    expect(explore.drawnAs.summary).toBe('series');
  });

  it('asks again only when what is queried changes, and keeps edits within one chart', async () => {
    const explore = new ExploreState(homicide(), crime, { sources, manager: new QueryManager() });
    await explore.follow(homicide(), crime);
    explore.edits = { ...explore.edits, title: 'Mine' };
    expect(await explore.follow(homicide({ scale: 'log' }), crime)).toBe(false);
    expect(explore.shown?.title).toBe('Mine');
    expect(await explore.follow(homicide({ view: 'bars', scale: 'log' }), crime)).toBe(false);
    expect(explore.shown?.title).not.toBe('Mine');
    expect(explore.text?.title).toMatch(/2020$/);
  });

  it('shows the later of two views asked in a row, and a plan’s error as a message', async () => {
    const explore = new ExploreState(homicide(), crime, { sources, manager: new QueryManager() });
    const first = explore.follow(homicide({ transform: 'index', base: '2010' }), crime);
    const second = explore.follow(homicide({ transform: 'yoy' }), crime);
    expect(await Promise.all([first, second])).toEqual([false, true]);
    expect(explore.ready?.state.transform).toBe('yoy');
    expect(explore.decimals).toBe(2);

    await explore.follow(
      homicide({ transform: 'change', time: { from: '2015', to: '2015' } }),
      crime
    );
    expect(explore.error).toMatch(/two/i);
  });

  it('answers a re-slice in the page from the rows it holds, as the engine would', async () => {
    const manager = new QueryManager();
    const explore = new ExploreState(homicide(), crime, { sources, manager });
    await explore.follow(homicide(), crime);
    expect(explore.ready?.source).toBe('live');
    // The rows to hold are asked for when nothing else runs; wait for them as the page does.
    await expect
      .poll(() => answerInPage(manager, homicide({ transform: 'yoy' }), crime))
      .toBeTruthy();
    const changes: Partial<ViewState>[] = [
      { selections: { ...homicide().selections, geo: ['RO'] } },
      { time: { from: '2012', to: '2018' } },
      { transform: 'index', base: '2012' },
      { transform: 'yoy' },
      { transform: 'ma3', selections: { ...homicide().selections, geo: ['RO', 'NO', 'XK'] } }
    ];
    for (const change of changes) {
      expect(await explore.follow(homicide(change), crime)).toBe(true);
      expect(explore.ready?.source).toBe('page');
      // A page of its own, without held rows, asks the engine for the same view.
      const live = new ExploreState(homicide(change), crime, {
        sources,
        manager: new QueryManager()
      });
      await live.follow(homicide(change), crime);
      expect(live.ready?.source).toBe('live');
      expect(explore.ready?.rows).toEqual(live.ready?.rows);
      expect(explore.text).toEqual(live.text);
    }
    // A rate may need the population, which the page does not hold: the engine answers it.
    await explore.follow(homicide({ transform: 'rate' }), crime);
    expect(explore.ready?.source).toBe('live');
  });

  it('rehearses the first changes from the rows it holds, asking the engine nothing', async () => {
    const manager = new QueryManager();
    const explore = new ExploreState(homicide(), crime, { sources, manager });
    await explore.follow(homicide(), crime);
    await expect.poll(() => explore.rowsHeld).toBe(true);
    const states = rehearsalStates(homicide(), crime, manager);
    // A country ticked and one unticked, another offence, unit and sex, the window, three
    // transforms and back: every one of them answered in the page.
    expect(states.length).toBeGreaterThanOrEqual(8);
    expect(states.some((s) => s.selections.unit.length === 2)).toBe(true);
    expect(states.map((s) => s.transform)).toEqual(expect.arrayContaining(['index', 'yoy', 'ma3']));
    const asked: string[] = [];
    const offline: ExploreSources = {
      ...sources,
      ensureRows: async (dataset) => {
        asked.push(dataset.id);
        throw new Error('a rehearsal asked the engine');
      }
    };
    const marks = performance.getEntriesByType('mark').length;
    const rehearsal = new ExploreState(homicide(), crime, {
      sources: offline,
      manager,
      rehearsal: true
    });
    for (const state of states) {
      expect(await rehearsal.follow(state, crime)).toBe(false);
      expect(rehearsal.ready?.source).toBe('page');
      expect(rehearsal.ready?.state).toEqual(state);
    }
    expect(asked).toEqual([]);
    // The page's probe and the bench count these marks: a rehearsal must not add to them.
    expect(performance.getEntriesByType('mark').length).toBe(marks);
  });
});
