/**
 * Which parts of GISCO's NUTS geometry a map of Europe draws. The outermost regions (French
 * overseas départements, the Azores, Madeira, the Canaries) and far-off islands (Svalbard) lie
 * thousands of kilometres from the rest; drawn in place they would shrink Europe to a corner,
 * so they are left out and any value for them is listed beside the map instead.
 */

export type Position = number[];
export type Ring = Position[];
export type PolygonCoordinates = Ring[];

/** Regions left out whatever their shape: FRY (overseas), PT2 Açores, PT3 Madeira, ES7 Canarias. */
const OUTERMOST_PREFIXES = ['FRY', 'PT2', 'PT3', 'ES7'];

/** Longitude and latitude limits of the Europe a map draws. */
export const EUROPE_BOX = { west: -25, east: 45, south: 34, north: 72 } as const;

export function isOutermostRegion(id: string): boolean {
  return OUTERMOST_PREFIXES.some((prefix) => id.startsWith(prefix));
}

/** Twice the signed planar area of a ring in lon/lat: positive when counter-clockwise. */
export function ringArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % n];
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

/** Area-weighted centroid of a polygon's outer ring, in lon/lat; small regions need no sphere. */
export function ringCentroid(ring: Ring): [number, number] {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % n];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (area === 0) {
    // A degenerate sliver: the mean of its points is as good a place as any.
    const mean = (k: number) => ring.reduce((s, p) => s + p[k], 0) / ring.length;
    return [mean(0), mean(1)];
  }
  return [cx / (3 * area), cy / (3 * area)];
}

export function insideEurope([lon, lat]: [number, number]): boolean {
  return (
    lon >= EUROPE_BOX.west &&
    lon <= EUROPE_BOX.east &&
    lat >= EUROPE_BOX.south &&
    lat <= EUROPE_BOX.north
  );
}

/**
 * The polygons of a region that a map of Europe draws: those whose centre lies inside
 * EUROPE_BOX. France's country outline keeps the mainland and Corsica and loses Guyane;
 * Norway's loses Svalbard. An outermost region (see isOutermostRegion) keeps nothing.
 */
export function europeanPolygons(id: string, polygons: PolygonCoordinates[]): PolygonCoordinates[] {
  if (isOutermostRegion(id)) return [];
  return polygons.filter((polygon) => insideEurope(ringCentroid(polygon[0])));
}
