import { describe, expect, it } from 'vitest';
import { BoardState } from '../../../src/lib/boards/board-state.svelte';
import type { Board } from '../../../src/lib/state/board-link';

const board: Board = {
  title: 'Meeting',
  filters: { geo: [], time: null },
  items: [
    { kind: 'text', markdown: '# Notes', span: 1 },
    { kind: 'indicator', id: 'homicide', span: 1 },
    { kind: 'chart', link: 'programme=indicator&id=homicide', span: 1, optOut: false }
  ]
};

describe('what a board reads out when an item moves', () => {
  it('names an indicator card by the name the page gives it', () => {
    const names = new Map([['homicide', 'Intentional homicide rate']]);
    const editor = new BoardState(board, (id) => names.get(id));
    editor.move(1, 0);
    expect(editor.announcement).toBe(
      'Moved indicator Intentional homicide rate to position 1 of 3.'
    );
    editor.move(2, 0);
    expect(editor.announcement).toBe('Moved chart Intentional homicide rate to position 1 of 3.');
  });

  it('names it by its id where no name is known', () => {
    const editor = new BoardState(board, () => undefined);
    editor.move(1, 0);
    expect(editor.announcement).toBe('Moved indicator homicide to position 1 of 3.');
  });
});
