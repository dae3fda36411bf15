/**
 * A board in a link (`/boards?b=…`, `/embed?board=…`) and in a file. Like every other link
 * this is a public interface, so the value carries its version: `1.<payload>`, the payload
 * being the board's compact JSON, deflated and written in base64url. A later version writes
 * `2.<payload>`; its reader runs every migration from the link's version up (BOARD_MIGRATIONS),
 * so a board link pasted into a report keeps opening the same board (docs/permalinks.md).
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

export const BOARD_LINK_VERSION = 2;

export type BoardSpan = 1 | 2 | 3;

/** A chart on a board: the query of its /embed link (explorer, programme or SQL console). */
export interface BoardChart {
  kind: 'chart';
  /** The parameters of the chart's link, as `/embed?<link>` reads them. */
  link: string;
  span: BoardSpan;
  /** True when the board's filters leave this chart as its link says. */
  optOut: boolean;
}

/** Markdown a presenter wrote; shown sanitised (boards/markdown.ts). */
export interface BoardText {
  kind: 'text';
  markdown: string;
  span: BoardSpan;
}

/** One of the programme's indicators with its latest value and status (its card). */
export interface BoardIndicator {
  kind: 'indicator';
  /** The indicator's id in the programme's framework (datasets/programme/ro21.json). */
  id: string;
  span: BoardSpan;
}

export type BoardItem = BoardChart | BoardText | BoardIndicator;

/** What the board's filters set on every chart that has those dimensions. */
export interface BoardFilters {
  /** Countries (geo codes); empty leaves each chart's own. */
  geo: string[];
  /** A period window, ends as the explorer's `time=` reads them; null leaves each chart's own. */
  time: { from: string; to: string } | null;
}

export interface Board {
  title: string;
  filters: BoardFilters;
  items: BoardItem[];
}

/** Why a board could not be read, for the reader's language (boards/messages). */
export type BoardProblem =
  | { problem: 'unreadable' }
  | { problem: 'newer'; version: number }
  | { problem: 'shape'; detail: string };

export type BoardReading = { board: Board } | { error: BoardProblem };

/** Limits that keep a hostile link or file from filling the page. */
const MAX_ITEMS = 60;
const MAX_TEXT = 20_000;
const MAX_LINK = 4_000;

export const EMPTY_BOARD: Board = { title: '', filters: { geo: [], time: null }, items: [] };

/** A migration from one version's compact JSON to the next's. */
interface BoardMigration {
  from: number;
  migrate: (compact: unknown) => unknown;
}
/**
 * Version 2 lets the board's filters reach programme and SQL console charts, which version 1
 * left as their link says: a version 1 board with filters set marks those charts as opting
 * out, so it opens showing what it showed when it was shared. The compact shape is unchanged.
 */
const BOARD_MIGRATIONS: readonly BoardMigration[] = [{ from: 1, migrate: filtersLeftAlone }];

function filtersLeftAlone(compact: unknown): unknown {
  if (typeof compact !== 'object' || compact === null) return compact;
  const raw = compact as Record<string, unknown>;
  const filtersSet = (Array.isArray(raw.g) && raw.g.length > 0) || raw.p !== undefined;
  if (!Array.isArray(raw.i) || !filtersSet) return compact;
  const reachedBefore = (link: string) => {
    const params = new URLSearchParams(link);
    return !params.has('programme') && !params.has('q');
  };
  return {
    ...raw,
    i: raw.i.map((entry: unknown) =>
      Array.isArray(entry) &&
      entry[0] === 'c' &&
      typeof entry[1] === 'string' &&
      !reachedBefore(entry[1])
        ? [entry[0], entry[1], entry[2], 1]
        : entry
    )
  };
}

/** The short form a link carries: one letter per field, an array per item. */
interface CompactBoard {
  t?: string;
  g?: string[];
  p?: [string, string];
  i: (['c', string, number, 0 | 1] | ['t', string, number] | ['i', string, number])[];
}

function compact(board: Board): CompactBoard {
  const out: CompactBoard = {
    i: board.items.map((item) =>
      item.kind === 'chart'
        ? ['c', item.link, item.span, item.optOut ? 1 : 0]
        : item.kind === 'text'
          ? ['t', item.markdown, item.span]
          : ['i', item.id, item.span]
    )
  };
  if (board.title) out.t = board.title;
  if (board.filters.geo.length) out.g = board.filters.geo;
  if (board.filters.time) out.p = [board.filters.time.from, board.filters.time.to];
  return out;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const span = (value: unknown): BoardSpan => (value === 2 || value === 3 ? value : 1);

/** The board a version-current compact value describes, or what is wrong with it. */
export function boardFromCompact(value: unknown): BoardReading {
  const shape = (detail: string): BoardReading => ({ error: { problem: 'shape', detail } });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return shape('not an object');
  const raw = value as Record<string, unknown>;
  if (!Array.isArray(raw.i)) return shape('no items');
  if (raw.i.length > MAX_ITEMS) return shape(`more than ${MAX_ITEMS} items`);
  const items: BoardItem[] = [];
  for (const [index, entry] of raw.i.entries()) {
    if (!Array.isArray(entry) || !isString(entry[1])) return shape(`item ${index + 1}`);
    if (entry[0] === 'c' && entry[1].length <= MAX_LINK)
      items.push({ kind: 'chart', link: entry[1], span: span(entry[2]), optOut: entry[3] === 1 });
    else if (entry[0] === 't' && entry[1].length <= MAX_TEXT)
      items.push({ kind: 'text', markdown: entry[1], span: span(entry[2]) });
    else if (entry[0] === 'i' && entry[1].length <= 100)
      items.push({ kind: 'indicator', id: entry[1], span: span(entry[2]) });
    else return shape(`item ${index + 1}`);
  }
  if (raw.t !== undefined && !isString(raw.t)) return shape('title');
  if (raw.g !== undefined && !(Array.isArray(raw.g) && raw.g.every(isString)))
    return shape('countries');
  if (raw.p !== undefined && !(Array.isArray(raw.p) && raw.p.length === 2 && raw.p.every(isString)))
    return shape('period');
  return {
    board: {
      title: ((raw.t as string | undefined) ?? '').slice(0, 200),
      filters: {
        geo: ((raw.g as string[] | undefined) ?? []).slice(0, 60),
        time: raw.p ? { from: (raw.p as string[])[0], to: (raw.p as string[])[1] } : null
      },
      items
    }
  };
}

/** Reads a value of `version` (migrating it to the current one first). */
function readVersion(version: number, value: unknown): BoardReading {
  if (!Number.isInteger(version) || version < 1) return { error: { problem: 'unreadable' } };
  if (version > BOARD_LINK_VERSION) return { error: { problem: 'newer', version } };
  let current = value;
  for (const migration of BOARD_MIGRATIONS)
    if (migration.from >= version) current = migration.migrate(current);
  return boardFromCompact(current);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The value of `b=` (or `board=`) for a board, in the current version. */
export function encodeBoard(board: Board): string {
  const payload = deflateSync(strToU8(JSON.stringify(compact(board))), { level: 9 });
  return `${BOARD_LINK_VERSION}.${toBase64Url(payload)}`;
}

/** The board a link's `b=` value holds, or why it cannot be read. */
export function decodeBoard(value: string): BoardReading {
  const match = /^(\d{1,4})\.([A-Za-z0-9_-]+)$/.exec(value.trim());
  if (!match) return { error: { problem: 'unreadable' } };
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflateSync(fromBase64Url(match[2]))));
  } catch {
    return { error: { problem: 'unreadable' } };
  }
  return readVersion(Number(match[1]), json);
}

/** `/boards?b=…`, or the board alone on `/embed?board=…`. */
export function boardHref(board: Board, where: 'page' | 'embed' = 'page'): string {
  return where === 'page'
    ? `/boards?b=${encodeBoard(board)}`
    : `/embed?board=${encodeBoard(board)}`;
}

/** The file a board is exported as: readable JSON, marked and versioned like the link. */
export const BOARD_FILE_FORMAT = 'cooperare-board';

export function boardFileText(board: Board): string {
  const file = { format: BOARD_FILE_FORMAT, version: BOARD_LINK_VERSION, board: compact(board) };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** The board an exported file holds, or why it cannot be read. */
export function readBoardFile(text: string): BoardReading {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { error: { problem: 'unreadable' } };
  }
  if (typeof file !== 'object' || file === null) return { error: { problem: 'unreadable' } };
  const { format, version, board } = file as Record<string, unknown>;
  if (format !== BOARD_FILE_FORMAT || typeof version !== 'number')
    return { error: { problem: 'unreadable' } };
  return readVersion(version, board);
}
