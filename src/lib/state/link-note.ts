import type { DatasetRef } from '$lib/i18n/dataset-words';

/**
 * A correction made to a link, as a message id and its parameters rather than a sentence, so
 * the page writes it in the reader's language and rewrites it when the language changes
 * (link-note-text.ts). Quoted values are cleaned and cut already (note-text.ts); a
 * list of values is kept as a list, because "“A” and “B”" is worded per language too.
 */
export type LinkNoteKey =
  | 'a11y_note_repeated'
  | 'a11y_note_unknown_dataset'
  | 'a11y_note_unknown_geo_one'
  | 'a11y_note_unknown_geo_many'
  | 'a11y_note_unknown_code_one'
  | 'a11y_note_unknown_code_many'
  | 'a11y_note_default_selection'
  | 'a11y_note_unchecked'
  | 'a11y_note_unreadable'
  | 'a11y_note_unknown_setting_one'
  | 'a11y_note_unknown_setting_many'
  | 'a11y_note_unknown_view'
  | 'a11y_note_map_needs_geo'
  | 'a11y_note_unknown_transform'
  | 'a11y_note_unknown_scale'
  | 'a11y_note_needs_range'
  | 'a11y_note_bad_base'
  | 'a11y_note_bad_base_first'
  | 'a11y_note_base_ignored'
  | 'a11y_note_old_setting'
  | 'a11y_note_version_unreadable'
  | 'a11y_note_version_newer'
  | 'a11y_note_time_not_understood'
  | 'a11y_note_time_open_end'
  | 'a11y_note_time_outside'
  | 'a11y_note_time_reversed'
  | 'a11y_note_time_cut'
  | 'a11y_note_text_cut'
  | 'analysis_note_bad_proj'
  | 'annot_note_no_period'
  | 'annot_note_bad_period'
  | 'annot_note_empty'
  | 'annot_note_cut'
  | 'annot_note_too_many';

export interface LinkNote {
  key: LinkNoteKey;
  /** Text parameters, and `values`: raw values listed as “A”, “B” and 2 more. */
  params: Record<string, string | number | readonly string[]>;
  /** A second sentence that belongs to the same correction. */
  then?: LinkNote;
  /**
   * The dataset dimension the `dimension` parameter names, so the page can name it in the
   * reader's language (the parameter holds the dataset's own label, in English).
   */
  dimension?: { dataset: DatasetRef; id: string; label: string };
}

export function linkNote(key: LinkNoteKey, params: LinkNote['params'] = {}): LinkNote {
  return { key, params };
}
