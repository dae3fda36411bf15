import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { nutsLevelOf, type NutsLevel } from './level';
import type { MapEntry } from './summary';

export interface MapRow {
  geo: string;
  value: number | null;
  flag: string | null;
}

type Region = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

export interface PlacedRegion<R extends Region = Region> {
  feature: R;
  entry: MapEntry;
}

export interface Placement<R extends Region = Region> {
  /** Regions drawn, each with its row or, where the data has none, a value of null. */
  drawn: PlacedRegion<R>[];
  /** Rows the map cannot draw: country groups, other levels, left-out or unknown places. */
  offMap: MapEntry[];
  /** Romania's own row (geo RO), whatever the level, for the summary. */
  romania: MapEntry | null;
}

/**
 * Which regions the map draws and where each row goes. A country map (level 0) draws every
 * country, so the missing ones show as "no data" in their place in Europe. A regional map
 * draws the regions of the countries that the rows reach at that level: a map of Romania's
 * counties is not drawn as a corner of a grey Europe. `labelOf` returns the code itself when
 * it has no name for it. `selected`, when given, are the places the reader chose among the rows.
 */
export function placeRows<R extends Region>(
  rows: readonly MapRow[],
  level: NutsLevel,
  regions: readonly R[],
  labelOf: (geo: string) => string,
  selected: ReadonlySet<string> | null = null
): Placement<R> {
  const byGeo = new Map(rows.map((row) => [row.geo, row]));
  const countries = new Set(
    rows.filter((row) => nutsLevelOf(row.geo) === level).map((row) => row.geo.slice(0, 2))
  );
  const shown =
    level === 0 ? regions : regions.filter((region) => countries.has(region.id.slice(0, 2)));
  const drawnIds = new Set(shown.map((region) => region.id));
  const entryOf = (row: MapRow, name: string): MapEntry => ({
    geo: row.geo,
    name,
    value: row.value,
    flag: row.flag
  });
  const drawn = shown.map((feature) => {
    const row = byGeo.get(feature.id) ?? { geo: feature.id, value: null, flag: null };
    // The caller's label first (Eurostat's English country names); GISCO's name otherwise.
    const label = labelOf(feature.id);
    const name = label !== feature.id ? label : feature.properties.name;
    return { feature, entry: entryOf(row, name) };
  });
  // Of the places around a selection, only the selected ones are listed beside the map: a
  // world table would otherwise list every country outside Europe.
  const offMap = rows
    .filter((row) => !drawnIds.has(row.geo) && (selected === null || selected.has(row.geo)))
    .map((row) => entryOf(row, labelOf(row.geo)));
  const ro = byGeo.get('RO');
  return { drawn, offMap, romania: ro ? entryOf(ro, labelOf('RO')) : null };
}
