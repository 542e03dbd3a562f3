import type { Place } from "@/lib/organizations";

export type MapPoint = { x: number; y: number; place: Place; number: number };

/**
 * Plots places on a `width`×`height` canvas: longitude scaled by cos(latitude) (an equirectangular
 * projection centred on the places, true enough at a region's scale), fitted with a margin and the
 * aspect ratio kept. Places without coordinates are left off.
 */
export function projectPlaces(places: Place[], width: number, height: number, margin = 24) {
  const located = places.flatMap((place, index) =>
    place.latitude === null || place.longitude === null
      ? []
      : [{ place, number: index + 1, lat: place.latitude, lon: place.longitude }],
  );
  if (located.length === 0) return [];
  const meanLat = located.reduce((sum, p) => sum + p.lat, 0) / located.length;
  const kx = Math.cos((meanLat * Math.PI) / 180);
  const xs = located.map((p) => p.lon * kx);
  const ys = located.map((p) => -p.lat);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const scale = Math.min(
    (width - 2 * margin) / Math.max(maxX - minX, span / 4),
    (height - 2 * margin) / Math.max(maxY - minY, span / 4),
  );
  const offsetX = (width - (maxX - minX) * scale) / 2;
  const offsetY = (height - (maxY - minY) * scale) / 2;
  return located.map(
    (p, i): MapPoint => ({
      x: Math.round((offsetX + ((xs[i] as number) - minX) * scale) * 10) / 10,
      y: Math.round((offsetY + ((ys[i] as number) - minY) * scale) * 10) / 10,
      place: p.place,
      number: p.number,
    }),
  );
}
