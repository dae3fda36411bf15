import {
  EMPTY_BOARD,
  type Board,
  type BoardFilters,
  type BoardItem,
  type BoardSpan
} from '$lib/state/board-link';
import { m } from '$lib/i18n';
import { itemLabel, type IndicatorName } from './text';

/** A board being composed: its items, and what the last change said to a screen reader. */
export class BoardState {
  board: Board = $state(structuredClone(EMPTY_BOARD));
  /** Read out by the board's aria-live region after a move, an addition or a removal. */
  announcement = $state('');

  /** Names indicator cards in what is read out; without it, they are named by their id. */
  readonly #indicatorName: IndicatorName | undefined;

  constructor(board: Board = EMPTY_BOARD, indicatorName?: IndicatorName) {
    this.board = structuredClone(board);
    this.#indicatorName = indicatorName;
  }

  /** How an item is named to a screen reader. */
  label(item: BoardItem): string {
    return itemLabel(item, this.#indicatorName);
  }

  replace(board: Board) {
    this.board = structuredClone(board);
  }

  add(item: BoardItem) {
    this.board.items.push(item);
    this.announcement = m.boards_added({
      item: this.label(item),
      position: this.board.items.length,
      count: this.board.items.length
    });
  }

  remove(index: number) {
    const [item] = this.board.items.splice(index, 1);
    if (item) this.announcement = m.boards_removed({ item: this.label(item) });
  }

  /** Moves the item at `from` to `to` (both clamped), and says where it went. */
  move(from: number, to: number) {
    const items = this.board.items;
    const target = Math.max(0, Math.min(items.length - 1, to));
    if (from === target || from < 0 || from >= items.length) return;
    const [item] = items.splice(from, 1);
    items.splice(target, 0, item);
    this.announcement = m.boards_moved({
      item: this.label(item),
      position: target + 1,
      count: items.length
    });
  }

  setSpan(index: number, span: BoardSpan) {
    this.board.items[index].span = span;
  }

  setOptOut(index: number, optOut: boolean) {
    const item = this.board.items[index];
    if (item.kind === 'chart') item.optOut = optOut;
  }

  setText(index: number, markdown: string) {
    const item = this.board.items[index];
    if (item.kind === 'text') item.markdown = markdown;
  }

  setFilters(filters: BoardFilters) {
    this.board.filters = filters;
  }

  /** The board as plain data, for its link, its file and storage. */
  get plain(): Board {
    return $state.snapshot(this.board) as Board;
  }
}
