import { dimensionLabelIn } from '$lib/i18n/dataset-words';
import { m } from '$lib/i18n/messages';
import { getLocale } from '$lib/i18n/paraglide/runtime.js';
import type { LinkNote } from './link-note';
import { quoteListForNote } from './note-text';

type Render = (params: Record<string, string | number>) => string;

/** A link note as one or two sentences in the interface language. */
export function noteText(note: LinkNote): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(note.params))
    params[name] =
      typeof value === 'string' || typeof value === 'number'
        ? value
        : quoteListForNote(value, {
            quote: (quoted) => m.explore_quoted({ value: quoted }),
            and: (first, last) => m.a11y_list_and({ first, last }),
            more: (first, count) => m.a11y_list_more({ first, count })
          });
  if (note.dimension)
    params.dimension = dimensionLabelIn(note.dimension.dataset, note.dimension, getLocale());
  const sentence = (m as unknown as Record<string, Render>)[note.key](params);
  return note.then ? `${sentence} ${noteText(note.then)}` : sentence;
}
