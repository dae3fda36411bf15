import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  type CompletionSource
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
  syntaxTree
} from '@codemirror/language';
import { sql } from '@codemirror/lang-sql';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { DuckDB } from './duckdb-dialect';
import { mentionedTables, sqlName, type TableColumn } from './tables';

/** A table as the editor offers it: its name, what it holds, and its columns. */
export interface EditorTable {
  name: string;
  detail: string;
  columns: TableColumn[];
}

/** Where completion has nothing to offer: inside a string, a quoted name or a comment. */
const INERT = new Set(['String', 'QuotedIdentifier', 'LineComment', 'BlockComment']);

/**
 * Column names without their table (`SELECT ge|`), from the tables the statement names, or
 * from every table while it names none. The SQL package completes a column only after its
 * table and a dot; this is how a console is mostly typed.
 */
function bareColumns(tables: readonly EditorTable[]): CompletionSource {
  return (context) => {
    if (INERT.has(syntaxTree(context.state).resolveInner(context.pos, -1).name)) return null;
    const word = context.matchBefore(/\w*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    if (context.state.sliceDoc(word.from - 1, word.from) === '.') return null;
    const named = mentionedTables(
      context.state.doc.toString(),
      tables.map((t) => t.name)
    );
    const from = named.length > 0 ? tables.filter((t) => named.includes(t.name)) : tables;
    const options = new Map<string, { label: string; type: string; detail: string }>();
    for (const table of from)
      for (const column of table.columns)
        if (!options.has(column.name))
          options.set(column.name, {
            label: sqlName(column.name),
            type: 'property',
            detail: `${column.type} · ${table.name}`
          });
    return { from: word.from, options: [...options.values()], validFor: /^\w*$/ };
  };
}

/** SQL for DuckDB with completion of keywords, the catalogue's tables and their columns. */
export function sqlSupport(tables: readonly EditorTable[]): Extension {
  return [
    sql({
      dialect: DuckDB,
      upperCaseKeywords: true,
      schema: Object.fromEntries(
        tables.map((t) => [
          t.name,
          {
            self: { label: sqlName(t.name), type: 'type', detail: t.detail },
            children: t.columns.map((c) => ({
              label: sqlName(c.name),
              type: 'property',
              detail: c.type
            }))
          }
        ])
      )
    }),
    DuckDB.language.data.of({ autocomplete: bareColumns(tables) })
  ];
}

// Colours from the page's variables (SqlEditor sets them for both themes), so the editor
// follows the theme switch without being rebuilt.
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--sql-keyword)', fontWeight: '600' },
  { tag: [tags.typeName, tags.bool, tags.null], color: 'var(--sql-type)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--sql-string)' },
  { tag: tags.number, color: 'var(--sql-number)' },
  { tag: [tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' }
]);

const look = EditorView.theme({
  '&': {
    color: 'var(--fg)',
    background: 'var(--bg)',
    border: '1px solid var(--grid)',
    fontSize: '0.9rem'
  },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.4', minHeight: '9.5rem' },
  '.cm-content': { caretColor: 'var(--fg)', padding: '0.5rem 0' },
  '.cm-line': { padding: '0 0.5rem' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground':
    { background: 'var(--sql-selection)' },
  '.cm-matchingBracket': { background: 'var(--surface)', outline: '1px solid var(--muted)' },
  '.cm-tooltip': { background: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--grid)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    background: 'var(--accent)',
    color: 'var(--on-accent)'
  },
  '.cm-completionDetail': { color: 'inherit', opacity: '1', marginLeft: '1em' }
});

export interface SqlEditorOptions {
  doc: string;
  tables: readonly EditorTable[];
  /** The id of the element that names the editor, and of the one that explains its keys. */
  labelledBy: string;
  describedBy: string;
  onChange: (doc: string) => void;
  onRun: () => void;
}

export interface SqlEditor {
  /** Replaces the text, unless it is already that (a reader's undo history stays). */
  setDoc(doc: string): void;
  setTables(tables: readonly EditorTable[]): void;
  focus(): void;
  destroy(): void;
}

export function createSqlEditor(parent: HTMLElement, options: SqlEditorOptions): SqlEditor {
  const language = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        // Above the completion keymap, whose Enter would otherwise take Ctrl+Enter too.
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                options.onRun();
                return true;
              }
            }
          ])
        ),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion({ icons: false }),
        // Tab is left to the browser, so the keyboard can always leave the editor.
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...historyKeymap,
          ...completionKeymap
        ]),
        language.of(sqlSupport(options.tables)),
        syntaxHighlighting(highlight),
        look,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          'aria-labelledby': options.labelledBy,
          'aria-describedby': options.describedBy,
          spellcheck: 'false',
          autocapitalize: 'off',
          autocorrect: 'off'
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        })
      ]
    })
  });
  return {
    setDoc(doc) {
      if (doc === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc } });
    },
    setTables(tables) {
      view.dispatch({ effects: language.reconfigure(sqlSupport(tables)) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy()
  };
}
