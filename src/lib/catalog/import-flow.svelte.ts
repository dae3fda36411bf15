/**
 * The steps of one import as the /data page shows them: running (with its stage), asking for
 * a column mapping, asking replace-or-keep-both, then a message. Files dropped together are
 * imported one after the other. Nothing is added to the catalogue until a file is parsed
 * whole, so a failed or cancelled import changes nothing. An import is reported once its
 * table is in DuckDB; saving it for the next visit may still be running then, and its notice
 * says so until the save is over (or that it failed, the dataset staying for the session).
 */

import {
  startImport,
  type ImportJob,
  type ImportStage,
  type ParsedImport,
  type WorkerCopy
} from './import-client';
import type { ColumnMapping, PlainTable } from '$lib/ingest/column-mapping';
import { importedId, keepBothId, keepImport, takenIds } from './import-dataset';
import type { SaveOutcome } from './imported-store';
import { catalogChanged } from './registry';

export type ImportNotice =
  | { kind: 'failed'; file: string; problem: string }
  | { kind: 'too-large'; file: string; detail: string }
  | { kind: 'cancelled'; file: string }
  /** `saved` is null while the dataset is still being saved for the next visit. */
  | { kind: 'imported'; file: string; id: string; rows: number; saved: SaveOutcome | null };

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'running'; file: string; stage: ImportStage; fraction: number | null }
  | { kind: 'mapping'; file: Blob; table: PlainTable }
  | { kind: 'conflict'; parsed: ParsedImport; id: string; newId: string };

/**
 * Performance marks `cooperare:import-<step>` of the latest import (start, each stage, the
 * outcome, `imported` once queryable, `kept` once saved), like the pages' speed marks:
 * `npm run bench` reads them to say where an import's time goes.
 */
function markImport(step: string): void {
  if (step === 'start')
    for (const mark of performance.getEntriesByType('mark'))
      if (mark.name.startsWith('cooperare:import-')) performance.clearMarks(mark.name);
  performance.mark(`cooperare:import-${step}`);
}

export class ImportFlow {
  step = $state<ImportStep>({ kind: 'idle' });
  /** The last outcome, shown until the next import starts. */
  notices = $state<ImportNotice[]>([]);
  private job: ImportJob | null = null;
  private queue: { file: Blob; name: string }[] = [];
  private resolveConflict: ((choice: 'replace' | 'keep-both' | 'cancel') => void) | null = null;

  get busy(): boolean {
    return this.step.kind !== 'idle';
  }

  /** Imports files one after the other. */
  importFiles(files: readonly { file: Blob; name: string }[]): void {
    if (files.length === 0) return;
    this.queue.push(...files);
    if (!this.busy) {
      this.notices = [];
      void this.next();
    }
  }

  private async next(): Promise<void> {
    const item = this.queue.shift();
    if (!item) {
      this.step = { kind: 'idle' };
      return;
    }
    await this.run(item.file, item.name, null);
  }

  /** The user's mapping for the table now waiting for one. */
  async applyMapping(mapping: ColumnMapping): Promise<void> {
    if (this.step.kind !== 'mapping') return;
    const { file, table } = this.step;
    await this.run(file, table.fileName, mapping);
  }

  cancel(): void {
    const step = this.step;
    if (step.kind === 'running') this.job?.cancel();
    else if (step.kind === 'conflict') this.resolveConflict?.('cancel');
    else if (step.kind === 'mapping') {
      this.notices = [...this.notices, { kind: 'cancelled', file: step.table.fileName }];
      void this.next();
    }
  }

  choose(choice: 'replace' | 'keep-both'): void {
    this.resolveConflict?.(choice);
  }

  private async run(file: Blob, name: string, mapping: ColumnMapping | null): Promise<void> {
    this.step = { kind: 'running', file: name, stage: 'reading', fraction: 0 };
    markImport('start');
    this.job = startImport(file, name, mapping, (stage, fraction) => {
      if (this.step.kind === 'running') {
        if (this.step.stage !== stage) markImport(stage);
        this.step = { kind: 'running', file: name, stage, fraction };
      }
    });
    const outcome = await this.job.outcome;
    markImport(outcome.kind);
    this.job = null;
    if (outcome.kind === 'mapping') {
      this.step = { kind: 'mapping', file, table: outcome.table };
      return;
    }
    if (outcome.kind === 'cancelled')
      this.notices = [...this.notices, { kind: 'cancelled', file: name }];
    else if (outcome.kind === 'failed')
      this.notices = [
        ...this.notices,
        outcome.tooLarge
          ? { kind: 'too-large', file: name, detail: outcome.message }
          : { kind: 'failed', file: name, problem: outcome.message }
      ];
    else await this.keep(outcome.parsed, outcome.copy, name);
    await this.next();
  }

  private async keep(parsed: ParsedImport, copy: WorkerCopy, name: string): Promise<void> {
    const taken = await takenIds();
    let id = importedId(parsed.tableCode, parsed.fileName);
    if (taken.has(id)) {
      const newId = keepBothId(id, taken);
      const choice = await new Promise<'replace' | 'keep-both' | 'cancel'>((resolve) => {
        this.resolveConflict = resolve;
        this.step = { kind: 'conflict', parsed, id, newId };
      });
      this.resolveConflict = null;
      if (choice === 'cancel') {
        copy.drop();
        this.notices = [...this.notices, { kind: 'cancelled', file: name }];
        return;
      }
      if (choice === 'keep-both') id = newId;
    }
    this.step = { kind: 'running', file: name, stage: 'loading', fraction: null };
    const kept = keepImport(id, parsed, copy);
    // A table DuckDB could not load now is loaded again from storage on its first use, and
    // that query says what went wrong where the user is looking at the data.
    await kept.loaded.catch(() => undefined);
    markImport('imported');
    this.notices = [
      ...this.notices,
      { kind: 'imported', file: name, id, rows: parsed.description.rowCount, saved: null }
    ];
    void kept.saved.then((saved) => {
      markImport('kept');
      this.notices = this.notices.map((notice) =>
        notice.kind === 'imported' && notice.id === id && notice.saved === null
          ? { ...notice, saved }
          : notice
      );
      // The catalogue marks what is kept for this session only.
      if (!saved.persisted) catalogChanged();
    });
  }
}
