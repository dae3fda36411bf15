import { describe, expect, it } from 'vitest';
import {
  BOARD_KEY,
  readStoredBoard,
  UNREADABLE_BOARD_KEY,
  writeStoredBoard
} from '../../../src/lib/boards/store';
import { boardFileText, type Board } from '../../../src/lib/state/board-link';

/** localStorage as a Map, which can be made to refuse writes as a full one does. */
function memoryStorage(full = false): Storage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    removeItem: (key: string) => void items.delete(key),
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    }
  };
}

const BOARD: Board = {
  title: 'Kept',
  filters: { geo: ['RO'], time: null },
  items: [{ kind: 'text', markdown: 'note', span: 2 }]
};

describe('the board kept in the browser', () => {
  it('is read back as written', () => {
    const storage = memoryStorage();
    expect(readStoredBoard(storage)).toEqual({ status: 'none' });
    expect(writeStoredBoard(BOARD, storage)).toBe(true);
    expect(readStoredBoard(storage)).toEqual({ status: 'ok', board: BOARD });
  });

  it('says when storage is full, and the board kept before stays', () => {
    const storage = memoryStorage();
    writeStoredBoard(BOARD, storage);
    const full = Object.assign(storage, {
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    });
    expect(writeStoredBoard({ ...BOARD, title: 'Newer' }, full)).toBe(false);
    expect(full.items.get(BOARD_KEY)).toBe(boardFileText(BOARD));
  });

  it('sets an unreadable board aside instead of overwriting it', () => {
    const storage = memoryStorage();
    storage.setItem(BOARD_KEY, '{"format":"cooperare-board","version":1,"board":{"i":"x"}}');
    const read = readStoredBoard(storage);
    expect(read).toEqual({
      status: 'unreadable',
      reading: { error: { problem: 'shape', detail: 'no items' } }
    });
    expect(storage.items.get(UNREADABLE_BOARD_KEY)).toContain('"i":"x"');
    expect(writeStoredBoard(BOARD, storage)).toBe(true);
    expect(storage.items.get(UNREADABLE_BOARD_KEY)).toContain('"i":"x"');
  });

  it('refuses to write over an unreadable board it could not set aside', () => {
    const storage = memoryStorage();
    storage.items.set(BOARD_KEY, 'damaged');
    const full = Object.assign(storage, {
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    });
    expect(readStoredBoard(full).status).toBe('unreadable');
    expect(writeStoredBoard(BOARD, full)).toBe(false);
    expect(full.items.get(BOARD_KEY)).toBe('damaged');
  });
});
