import { codesByLabel, combineEditions, recodeDimension } from '../src/lib/ingest/transform';
import type { LongDataset } from '../src/lib/ingest/types';
import {
  DIMENSION_LABELS,
  eurostatCodeForLabel,
  eurostatCodeLabel
} from '../src/lib/reference/eurostat-codes';
import { geoCodeFromName } from '../src/lib/reference/geo';

/** Dimensions whose codes are countries: a country name becomes its Eurostat code. */
const COUNTRY_DIMENSIONS = new Set(['geo', 'citizen']);

/**
 * Gives one edition Eurostat's codes and labels: labels for code-only files, codes for
 * label-only files (matched against `reference`, the first edition, then Eurostat's lists).
 */
export function harmoniseEdition(edition: LongDataset, reference: LongDataset | null): LongDataset {
  let result = edition;
  for (const dimension of edition.dimensions) {
    const referenceCodes = reference?.dimensions.find((d) => d.id === dimension.id);
    const byLabel = referenceCodes ? codesByLabel(referenceCodes) : new Map<string, string>();
    result = recodeDimension(result, dimension.id, (code, label) => {
      const known = byLabel.get(label.toLowerCase()) ?? eurostatCodeForLabel(dimension.id, label);
      if (known) return known;
      if (COUNTRY_DIMENSIONS.has(dimension.id) && code !== code.toUpperCase())
        return geoCodeFromName(label);
      return null;
    });
  }
  return {
    ...result,
    dimensions: result.dimensions.map((dimension) => ({
      ...dimension,
      label: DIMENSION_LABELS[dimension.id] ?? dimension.label,
      codes: new Map(
        [...dimension.codes].map(([code, label]) => [
          code,
          label === code ? (eurostatCodeLabel(dimension.id, code) ?? label) : label
        ])
      )
    }))
  };
}

/**
 * Harmonises every edition against the first and combines them. A dimension an edition
 * lacks is taken to be its total; a dimension only a later edition has must be constant
 * (a single code), or combining would silently merge different figures.
 */
export function combineHarmonised(editions: LongDataset[]): LongDataset {
  const first = harmoniseEdition(editions[0], null);
  if (editions.length === 1) return first;
  const rest = editions.slice(1).map((edition) => harmoniseEdition(edition, first));
  const missing: Record<string, { code: string; label: string }> = {};
  for (const edition of rest) {
    for (const dimension of edition.dimensions) {
      if (first.dimensions.some((d) => d.id === dimension.id)) continue;
      if (dimension.codes.size > 1)
        throw new Error(
          `${edition.fileName}: dimension “${dimension.id}” has ${dimension.codes.size} codes but ${first.fileName} has no such dimension; these editions cannot be combined`
        );
    }
    for (const dimension of first.dimensions) {
      if (edition.dimensions.some((d) => d.id === dimension.id)) continue;
      const total = [...dimension.codes].find(([, label]) => label.toLowerCase() === 'total');
      const only = dimension.codes.size === 1 ? [...dimension.codes][0] : null;
      const fill = total ?? only;
      if (!fill)
        throw new Error(
          `${edition.fileName} has no dimension “${dimension.id}”, and ${first.fileName} has no total for it`
        );
      missing[dimension.id] = { code: fill[0], label: fill[1] };
    }
  }
  return combineEditions([first, ...rest], missing);
}
