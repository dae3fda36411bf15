import { boardFileText, readBoardFile, type Board, type BoardReading } from '$lib/state/board-link';

/** The board a presenter is composing, kept as the text of its exported file. */
export const BOARD_KEY = 'cooperare.board';
/** Where a kept board that cannot be read is set aside, so starting again loses nothing. */
export const UNREADABLE_BOARD_KEY = 'cooperare.board.unreadable';

export type StoredBoard =
  | { status: 'none' }
  | { status: 'ok'; board: Board }
  /** Kept, but not readable: its text stays in storage under UNREADABLE_BOARD_KEY. */
  | { status: 'unreadable'; reading: Extract<BoardReading, { error: unknown }> };

/**
 * The board kept in this browser. Storage blocked by privacy settings reads as none: boards
 * still work, they are only forgotten between visits.
 */
export function readStoredBoard(storage: Storage | null = safeStorage()): StoredBoard {
  let text: string | null = null;
  try {
    text = storage?.getItem(BOARD_KEY) ?? null;
  } catch {
    return { status: 'none' };
  }
  if (text === null) return { status: 'none' };
  const reading = readBoardFile(text);
  if ('board' in reading) return { status: 'ok', board: reading.board };
  try {
    storage?.setItem(UNREADABLE_BOARD_KEY, text);
    storage?.removeItem(BOARD_KEY);
  } catch {
    // Setting it aside failed (storage full): it stays where it is and is not overwritten,
    // since writeStoredBoard refuses while it is there.
  }
  return { status: 'unreadable', reading };
}

/** Whether the board was kept: false when storage is blocked or full. */
export function writeStoredBoard(board: Board, storage: Storage | null = safeStorage()): boolean {
  if (!storage) return false;
  try {
    const kept = storage.getItem(BOARD_KEY);
    if (kept !== null && 'error' in readBoardFile(kept)) return false;
    storage.setItem(BOARD_KEY, boardFileText(board));
    return true;
  } catch {
    return false;
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
