/**
 * Codes for dimension values that a file gives only as labels ("Suspected person"), so that
 * label files and code files store the same kind of key and a label can change its wording in
 * one place (Dimension.codes) without changing the key.
 */

/** Letters that Unicode does not decompose into a base letter plus accents. */
const FOLDED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i'
};

/**
 * A stable, readable code for a label: lower-case ASCII letters and digits joined by `_`
 * ("Between border crossing points - at land" → `between_border_crossing_points_at_land`).
 * A label with no Latin letter or digit at all (Greek, Cyrillic) would come out empty, so it is
 * spelt as its code points instead (`u0395_u03bb…`), which keeps distinct labels distinct.
 */
export function slugCode(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => FOLDED[letter])
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug !== '' || label.trim() === '') return slug;
  return [...label.trim().normalize('NFC')]
    .map((char) => `u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`)
    .join('_');
}
