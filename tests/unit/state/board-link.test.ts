import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  boardFileText,
  decodeBoard,
  encodeBoard,
  readBoardFile,
  type Board
} from '../../../src/lib/state/board-link';
import { readLink } from '../../../src/lib/state/links';

const BOARD: Board = {
  title: 'Homicide – Romania and Norway, „2024”',
  filters: { geo: ['RO', 'NO'], time: { from: '2010', to: '2022' } },
  items: [
    {
      kind: 'chart',
      link: 'ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO&view=line&v=1',
      span: 2,
      optOut: false
    },
    { kind: 'text', markdown: '# Notes\n\nRead *this* — ăâîșț.', span: 1 },
    { kind: 'chart', link: 'programme=budget', span: 3, optOut: true },
    { kind: 'indicator', id: 'trafficking-victims-romania', span: 1 }
  ]
};

function payload(json: unknown): string {
  const bytes = deflateSync(strToU8(JSON.stringify(json)));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

describe('board link', () => {
  it('gives back the same board, in a value a URL carries as it is', () => {
    const value = encodeBoard(BOARD);
    expect(value).toMatch(/^2\.[A-Za-z0-9_-]+$/);
    expect(decodeBoard(value)).toEqual({ board: BOARD });
    const params = new URLSearchParams(`board=${value}`);
    expect(readLink(params)).toEqual({ kind: 'board', value });
  });

  it('is shorter than the board written out', () => {
    expect(encodeBoard(BOARD).length).toBeLessThan(JSON.stringify(BOARD).length);
  });

  it('says why a damaged, foreign or newer link cannot be read', () => {
    expect(decodeBoard('')).toEqual({ error: { problem: 'unreadable' } });
    expect(decodeBoard('1.not-deflate')).toEqual({ error: { problem: 'unreadable' } });
    expect(decodeBoard('<script>alert(1)</script>')).toEqual({ error: { problem: 'unreadable' } });
    expect(decodeBoard(`1.${payload([1, 2])}`)).toEqual({
      error: { problem: 'shape', detail: 'not an object' }
    });
    expect(decodeBoard(`1.${payload({ i: [['x', 'y', 1]] })}`)).toEqual({
      error: { problem: 'shape', detail: 'item 1' }
    });
    expect(decodeBoard(`7.${payload({ i: [] })}`)).toEqual({
      error: { problem: 'newer', version: 7 }
    });
  });

  it('reads a span it does not know as one column, and no more than 60 items', () => {
    const read = decodeBoard(`1.${payload({ i: [['t', 'a', 9]] })}`);
    expect(read).toEqual({
      board: {
        title: '',
        filters: { geo: [], time: null },
        items: [{ kind: 'text', markdown: 'a', span: 1 }]
      }
    });
    const many = Array.from({ length: 61 }, () => ['t', 'a', 1]);
    expect(decodeBoard(`1.${payload({ i: many })}`)).toEqual({
      error: { problem: 'shape', detail: 'more than 60 items' }
    });
  });
});

describe('a version 1 board link', () => {
  // Version 1 left programme and SQL console charts unfiltered: on a board with filters set
  // they open marked as ignoring them, so the board shows what it showed when it was shared.
  const v1 = {
    t: 'Shared in 2026',
    g: ['RO', 'NO'],
    p: ['2012', '2018'],
    i: [
      ['c', 'ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB', 1, 0],
      ['c', 'programme=indicator&id=homicide-rate-romania', 2, 0],
      ['c', 'q=SELECT+geo%2C+time%2C+value+FROM+crim_off_cat', 1, 0],
      ['t', 'note', 1]
    ]
  };

  it('opens with its programme and SQL charts ignoring the filters, its explorer chart not', () => {
    const read = decodeBoard(`1.${payload(v1)}`);
    expect('board' in read && read.board.items.map((i) => i.kind === 'chart' && i.optOut)).toEqual([
      false,
      true,
      true,
      false
    ]);
    expect(
      readBoardFile(JSON.stringify({ format: 'cooperare-board', version: 1, board: v1 }))
    ).toEqual(read);
  });

  it('without filters, opens as it is', () => {
    const read = decodeBoard(`1.${payload({ ...v1, g: undefined, p: undefined })}`);
    expect('board' in read && read.board.items.map((i) => i.kind === 'chart' && i.optOut)).toEqual([
      false,
      false,
      false,
      false
    ]);
  });

  it('written again, is a version 2 link of the same board', () => {
    const read = decodeBoard(`1.${payload(v1)}`);
    if (!('board' in read)) throw new Error('unread');
    expect(decodeBoard(encodeBoard(read.board))).toEqual(read);
  });
});

describe('board file', () => {
  it('gives back the same board', () => {
    const text = boardFileText(BOARD);
    expect(JSON.parse(text)).toMatchObject({ format: 'cooperare-board', version: 2 });
    expect(readBoardFile(text)).toEqual({ board: BOARD });
  });

  it('says that a file is not a board', () => {
    expect(readBoardFile('not json')).toEqual({ error: { problem: 'unreadable' } });
    expect(readBoardFile('{"format":"something-else","version":1,"board":{"i":[]}}')).toEqual({
      error: { problem: 'unreadable' }
    });
    expect(readBoardFile('{"format":"cooperare-board","version":1,"board":{"i":"x"}}')).toEqual({
      error: { problem: 'shape', detail: 'no items' }
    });
  });
});
