import { m } from '$lib/i18n';
import { shippedFramework } from '$lib/programme/framework.svelte';
import type { Board, BoardItem } from '$lib/state/board-link';
import { writeChartTextParams } from '$lib/state/chart-text-params';
import { HOME_BOARD_LINKS } from './home-board-links';

/**
 * The home page: the shipped board "RO21 at a glance", worded in the reader's language. One
 * key indicator per objective (the first the framework lists for it) with its status, the
 * homicide and trafficking trends, the illegal-presence map and the budget. Its explorer
 * charts are answered by the build (home-board-links.ts), so they paint before DuckDB starts.
 * The homicide chart is named apart: it is the home page's chart (`figure.home-chart`).
 */
export function homeBoard(): { board: Board; homicide: BoardItem } {
  const indicators: BoardItem[] = shippedFramework.objectives.flatMap((objective) => {
    const first = shippedFramework.indicators.find((i) => i.objective === objective.id);
    return first ? [{ kind: 'indicator', id: first.id, span: 1 } as const] : [];
  });
  const homicide = new URLSearchParams(HOME_BOARD_LINKS.homicide);
  writeChartTextParams(homicide, {
    title: m.home_chart_title(),
    subtitle: m.home_chart_subtitle(),
    notes: m.home_chart_note()
  });
  const homicideChart: BoardItem = {
    kind: 'chart',
    link: homicide.toString(),
    span: 2,
    optOut: false
  };
  const board: Board = {
    title: m.boards_home_title(),
    filters: { geo: [], time: null },
    items: [
      ...indicators,
      homicideChart,
      { kind: 'chart', link: HOME_BOARD_LINKS.trafficking, span: 1, optOut: false },
      { kind: 'chart', link: HOME_BOARD_LINKS.illegalPresence, span: 2, optOut: false },
      { kind: 'chart', link: 'programme=budget', span: 1, optOut: false }
    ]
  };
  return { board, homicide: homicideChart };
}
