import { projectPlaces } from "@/lib/provenance/map-projection";
import type { Place } from "@/lib/provenance/places";

const WIDTH = 320;
const HEIGHT = 200;

/**
 * The journey drawn from the sites' coordinates alone: an inline SVG, so it works offline and without
 * JavaScript (no map tiles). Numbers follow the order of the journey.
 */
export function ProvenanceMap({ places }: { places: Place[] }) {
  const points = projectPlaces(places, WIDTH, HEIGHT);
  if (points.length === 0) return null;
  const line = points.map((point) => `${point.x},${point.y}`).join(" ");
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Map of the journey: ${points.map((p) => p.place.name).join(", then ")}`}
        className="h-auto w-full rounded-xl border-2 border-stone-200 bg-sky-50"
      >
        <polyline
          points={line}
          fill="none"
          stroke="#15803d"
          strokeWidth="3"
          strokeDasharray="6 4"
        />
        {points.map((point) => (
          <g key={`${point.number}-${point.place.name}`}>
            <circle cx={point.x} cy={point.y} r="9" fill="#14532d" stroke="white" strokeWidth="2" />
            <text x={point.x} y={point.y + 4} textAnchor="middle" fontSize="11" fill="white">
              {point.number}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ol className="list-decimal pl-6 text-sm">
          {places.map((place, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a place can recur in a journey; the list never reorders
            <li key={`${index}-${place.name}`}>
              {place.name} <span className="text-stone-600">({place.organization})</span>
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
