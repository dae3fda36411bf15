import type { Dimension, LongDataset } from './types';

/** Row indices kept by a predicate, applied to every column at once. */
export function filterRows(dataset: LongDataset, keep: (row: number) => boolean): LongDataset {
  const rows: number[] = [];
  for (let row = 0; row < dataset.rowCount; row++) if (keep(row)) rows.push(row);
  const codes = dataset.codes.map((column) => rows.map((row) => column[row]));
  const used = dataset.dimensions.map((dimension, i) => {
    const present = new Set(codes[i]);
    return {
      ...dimension,
      codes: new Map([...dimension.codes].filter(([code]) => present.has(code)))
    };
  });
  return {
    ...dataset,
    dimensions: used,
    rowCount: rows.length,
    codes,
    time: rows.map((row) => dataset.time[row]),
    value: Float64Array.from(rows, (row) => dataset.value[row]),
    flag: rows.map((row) => dataset.flag[row])
  };
}

/**
 * Gives a dimension new codes: `recode(code, label)` returns the new code, or null to keep
 * the old one. Labels travel with the codes. Used to give label-only files Eurostat's codes.
 */
export function recodeDimension(
  dataset: LongDataset,
  dimensionId: string,
  recode: (code: string, label: string) => string | null
): LongDataset {
  const index = dataset.dimensions.findIndex((d) => d.id === dimensionId);
  if (index < 0) return dataset;
  const dimension = dataset.dimensions[index];
  const mapping = new Map<string, string>();
  const codes = new Map<string, string>();
  for (const [code, label] of dimension.codes) {
    const next = recode(code, label) ?? code;
    mapping.set(code, next);
    if (!codes.has(next)) codes.set(next, label);
  }
  const dimensions = dataset.dimensions.slice();
  dimensions[index] = { ...dimension, codes };
  const columns = dataset.codes.slice();
  columns[index] = dataset.codes[index].map((code) => mapping.get(code) as string);
  return { ...dataset, dimensions, codes: columns };
}

/** Label → code of a dimension, to give another edition of the same table the same codes. */
export function codesByLabel(dimension: Dimension): Map<string, string> {
  const byLabel = new Map<string, string>();
  for (const [code, label] of dimension.codes) byLabel.set(label.toLowerCase(), code);
  return byLabel;
}

/**
 * Puts several editions of one table into one long dataset over the dimensions of the
 * first. A dimension an edition lacks takes the given constant (its "Total" code). Where
 * editions overlap on a key (all codes and time), the earlier edition in the list wins.
 */
export function combineEditions(
  editions: readonly LongDataset[],
  missing: Record<string, { code: string; label: string }>
): LongDataset {
  const [first] = editions;
  const dimensions: Dimension[] = first.dimensions.map((d) => ({ ...d, codes: new Map(d.codes) }));
  const columns: string[][] = dimensions.map(() => []);
  const time: string[] = [];
  const values: number[] = [];
  const flag: (string | null)[] = [];
  const seen = new Set<string>();
  for (const edition of editions) {
    const sourceIndex = dimensions.map((d) => {
      const i = edition.dimensions.findIndex((e) => e.id === d.id);
      if (i < 0 && !missing[d.id])
        throw new Error(`${edition.fileName} has no dimension “${d.id}” and no default was given`);
      return i;
    });
    dimensions.forEach((d, k) => {
      const i = sourceIndex[k];
      const added: Iterable<[string, string]> =
        i >= 0 ? edition.dimensions[i].codes : [[missing[d.id].code, missing[d.id].label]];
      for (const [code, label] of added) if (!d.codes.has(code)) d.codes.set(code, label);
    });
    for (let row = 0; row < edition.rowCount; row++) {
      const key: string[] = sourceIndex.map((i, k) =>
        i >= 0 ? edition.codes[i][row] : missing[dimensions[k].id].code
      );
      const id = `${key.join('\u0000')}\u0000${edition.time[row]}`;
      if (seen.has(id)) continue;
      seen.add(id);
      key.forEach((code, k) => columns[k].push(code));
      time.push(edition.time[row]);
      values.push(edition.value[row]);
      flag.push(edition.flag[row]);
    }
  }
  return {
    ...first,
    dimensions,
    rowCount: time.length,
    codes: columns,
    time,
    value: Float64Array.from(values),
    flag
  };
}

/** Gives a dimension's codes new labels: `relabel(code, label)` returns one, or null to keep it. */
export function recodeLabels(
  dataset: LongDataset,
  dimensionId: string,
  relabel: (code: string, label: string) => string | null
): LongDataset {
  return {
    ...dataset,
    dimensions: dataset.dimensions.map((dimension) =>
      dimension.id !== dimensionId
        ? dimension
        : {
            ...dimension,
            codes: new Map(
              [...dimension.codes].map(([code, label]) => [code, relabel(code, label) ?? label])
            )
          }
    )
  };
}
