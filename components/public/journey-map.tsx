import type { Place, ProvenanceStep } from "@/lib/provenance";

const WIDTH = 320;
const HEIGHT = 200;

export type MapPoint = { x: number; y: number; place: Place; number: number };

/** The places the lot went through, in order, each once in a row (for the map). */
export function journeyPlaces(steps: ProvenanceStep[]): Place[] {
  const route: Place[] = [];
  for (const step of steps) {
    for (const place of [step.where, step.to]) {
      const last = route[route.length - 1];
      if (place && !(last && last.name === place.name && last.address === place.address)) {
        route.push(place);
      }
    }
  }
  return route;
}

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

/**
 * The journey drawn from the sites' coordinates alone: an inline SVG, so it works offline and without
 * JavaScript (no map tiles). Numbers follow the order of the journey. Nothing when no site is located.
 */
export function JourneyMap({ steps }: { steps: ProvenanceStep[] }) {
  const places = journeyPlaces(steps);
  const points = projectPlaces(places, WIDTH, HEIGHT);
  if (points.length === 0) return null;
  const line = points.map((point) => `${point.x},${point.y}`).join(" ");
  const label = `Map of the journey: ${points.map((p) => p.place.name).join(", then ")}`;
  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="map">
        <polyline
          points={line}
          fill="none"
          stroke="#15803d"
          strokeWidth="3"
          strokeDasharray="6 4"
        />
        {points.map((p) => (
          <g key={p.number}>
            <circle cx={p.x} cy={p.y} r="9" fill="#14532d" stroke="white" strokeWidth="2" />
            <text x={p.x} y={p.y + 4} textAnchor="middle" fontSize="11" fill="white">
              {p.number}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ol className="places">
          {places.map((place, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a route may pass a site twice; rendered once, never reordered
            <li key={index}>
              {place.name} <span className="muted">({place.organization})</span>
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
