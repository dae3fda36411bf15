import { readProgrammeChart, type ProgrammeChartLink } from './programme-chart';
import { readSqlLink, type SqlLinkReading } from './sql-link';

/**
 * Every link the app writes is one of four kinds, told apart by its parameters: a board
 * (`board=…`, on /embed), a programme chart (`programme=…`), a SQL console query (`q=…`) or an
 * explorer view (everything else).
 * Each kind is read by its own module, in its current version. A board's value is read by
 * decodeBoard (board-link.ts) where a board is shown: its inflater (fflate, about 5 KiB of gzip)
 * stays out of the pages that only tell a board's link from a chart's, as the home board does.
 */
export type LinkReading =
  | { kind: 'board'; value: string }
  | { kind: 'programme'; link: ProgrammeChartLink }
  | { kind: 'sql'; reading: SqlLinkReading }
  /** Read with the dataset it names (parseViewParams), which the catalogue gives. */
  | { kind: 'explore' };

/** The one reader of the app's links. */
export function readLink(params: URLSearchParams): LinkReading {
  const board = params.get('board');
  if (board !== null) return { kind: 'board', value: board };
  const programme = readProgrammeChart(params);
  if (programme) return { kind: 'programme', link: programme };
  const sql = readSqlLink(params);
  if (sql.link) return { kind: 'sql', reading: sql };
  return { kind: 'explore' };
}
