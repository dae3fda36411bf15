/**
 * The scatter's join: two or three measures, each the SQL of one explorer series query with
 * the units as its series (`series, time, value, flag`, from transformSql), put side by side
 * on unit and period. A unit with a value or a flag in x or y is kept, so the view can list
 * the units found in one measure only; the size measure only adds a column.
 */
import { quoteLiteral } from '../db/engine';

export interface ScatterMeasures {
  x: string;
  y: string;
  size: string | null;
}

/** One unit in one period, each measure's value and flag (null where it has none). */
export interface ScatterRow {
  unit: string;
  period: string;
  x: number | null;
  xFlag: string | null;
  y: number | null;
  yFlag: string | null;
  size: number | null;
  sizeFlag: string | null;
}

/**
 * Geo codes of aggregates (EU27_2020, EU28, EA19, EFTA…): a sum of the units beside it, not
 * a unit, so it is neither a point nor a unit missing from the other measure.
 */
export const AGGREGATE_GEO_PATTERN = '^(EU|EA|EEA|EFTA)[0-9]*(_[0-9]{4})?$';

/** SQL of the joined measures: `unit, time, x, x_flag, y, y_flag, size, size_flag`. */
export function scatterSql(measures: ScatterMeasures): string {
  const size = measures.size;
  return [
    `WITH x AS (${measures.x}), y AS (${measures.y})`,
    size ? `, s AS (${size})` : '',
    `, joined AS (SELECT COALESCE(x.series, y.series) AS unit, COALESCE(x.time, y.time) AS time,`,
    `x.value AS x, x.flag AS x_flag, y.value AS y, y.flag AS y_flag`,
    `FROM x FULL JOIN y ON x.series = y.series AND x.time = y.time)`,
    `SELECT j.unit, j.time, j.x, j.x_flag, j.y, j.y_flag,`,
    size
      ? `s.value AS size, s.flag AS size_flag`
      : `NULL::DOUBLE AS size, NULL::VARCHAR AS size_flag`,
    `FROM joined AS j`,
    size ? `LEFT JOIN s ON s.series = j.unit AND s.time = j.time` : '',
    `WHERE NOT regexp_matches(j.unit, ${quoteLiteral(AGGREGATE_GEO_PATTERN)})`,
    `ORDER BY j.unit, j.time`
  ]
    .filter((part) => part !== '')
    .join(' ');
}

interface Column {
  get(index: number): unknown;
}

/** Reads a scatterSql result into rows. */
export function scatterRowsFromTable(table: {
  numRows: number;
  getChild(name: string): Column | null;
}): ScatterRow[] {
  const column = (name: string): Column => {
    const found = table.getChild(name);
    if (!found) throw new Error(`A scatter result needs the column ${name}.`);
    return found;
  };
  const [unit, time, x, xFlag, y, yFlag, size, sizeFlag] = [
    'unit',
    'time',
    'x',
    'x_flag',
    'y',
    'y_flag',
    'size',
    'size_flag'
  ].map(column);
  const number = (c: Column, i: number) => {
    const value = c.get(i);
    return value === null || value === undefined ? null : Number(value);
  };
  const text = (c: Column, i: number) => (c.get(i) as string | null) ?? null;
  return Array.from({ length: table.numRows }, (_, i) => ({
    unit: String(unit.get(i)),
    period: String(time.get(i)),
    x: number(x, i),
    xFlag: text(xFlag, i),
    y: number(y, i),
    yFlag: text(yFlag, i),
    size: number(size, i),
    sizeFlag: text(sizeFlag, i)
  }));
}
