import { CompletionContext, type CompletionSource } from '@codemirror/autocomplete';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import { sqlSupport, type EditorTable } from '../../../src/lib/sql/editor';
import { columnTracks } from '../../../src/lib/sql/grid-columns';
import type { ResultColumn } from '../../../src/lib/sql/result';

const TABLES: EditorTable[] = [
  {
    name: 'crim_off_cat',
    detail: 'Police-recorded offences',
    columns: ['freq', 'iccs', 'unit', 'geo', 'time', 'value', 'flag'].map((name) => ({
      name,
      type: 'VARCHAR'
    }))
  },
  {
    name: 'migr_eipre',
    detail: 'Third-country nationals found to be illegally present',
    columns: ['citizen', 'age', 'sex', 'geo', 'time', 'value', 'flag'].map((name) => ({
      name,
      type: 'VARCHAR'
    }))
  }
];

/** Every label the editor would offer with the cursor at `|` (completion asked for by a key). */
async function offered(textWithCursor: string): Promise<string[]> {
  const pos = textWithCursor.indexOf('|');
  const doc = textWithCursor.replace('|', '');
  const state = EditorState.create({ doc, extensions: [sqlSupport(TABLES)] });
  ensureSyntaxTree(state, doc.length, 5000);
  const sources = state.languageDataAt<CompletionSource>('autocomplete', pos);
  const labels: string[] = [];
  for (const source of sources) {
    const result = await source(new CompletionContext(state, pos, true));
    if (!result) continue;
    const typed = doc.slice(result.from, pos).toLowerCase();
    labels.push(
      ...result.options.map((o) => o.label).filter((l) => l.toLowerCase().startsWith(typed))
    );
  }
  return labels;
}

describe('completion in the SQL editor', () => {
  test('offers the catalogue’s tables', async () => {
    expect(await offered('SELECT * FROM crim|')).toContain('crim_off_cat');
    expect(await offered('SELECT * FROM mi|')).toContain('migr_eipre');
  });

  test('offers the columns of the tables the statement names, with or without the table', async () => {
    const bare = await offered('SELECT ci| FROM migr_eipre');
    expect(bare).toContain('citizen');
    expect(await offered('SELECT ic| FROM migr_eipre')).not.toContain('iccs');
    expect(await offered('SELECT crim_off_cat.ic| FROM crim_off_cat')).toEqual(['iccs']);
  });

  test('offers DuckDB’s keywords, in capitals', async () => {
    expect(await offered('SUMM|')).toContain('SUMMARIZE');
    expect(await offered('SELECT * FROM t QUAL|')).toContain('QUALIFY');
  });

  test('offers no column or keyword inside a string or a comment', async () => {
    expect(await offered("SELECT 'ge|' FROM crim_off_cat")).not.toContain('geo');
    expect(await offered('SELECT 1 -- ge| FROM crim_off_cat')).not.toContain('geo');
    expect(await offered("SELECT 'SEL|'")).not.toContain('SELECT');
  });
});

describe('the result grid’s columns', () => {
  const column = (name: string, type = 'VARCHAR'): ResultColumn => ({
    name,
    type,
    kind: 'text',
    scale: 0
  });

  test('are as wide as their longest text, in characters, within bounds', () => {
    const tracks = columnTracks([column('geo'), column('label')], (c) =>
      c === 0 ? ['RO', 'NO'] : ['short', 'a label of exactly 30 letters.', null]
    );
    expect(tracks).toBe('5rem min(24rem, calc(10ch + 1.2rem)) min(24rem, calc(30ch + 1.2rem))');
  });
});
