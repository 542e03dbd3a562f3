import { html, type SafeHtml } from "@/lib/html/escape";
import type { Place } from "@/lib/organizations";
import { projectPlaces } from "../map-projection";

const WIDTH = 320;
const HEIGHT = 200;

/**
 * The journey drawn from the sites' coordinates alone: an inline SVG, so it works offline and without
 * JavaScript (no map tiles). Numbers follow the order of the journey.
 */
export function journeyMap(places: Place[]): SafeHtml | null {
  const points = projectPlaces(places, WIDTH, HEIGHT);
  if (points.length === 0) return null;
  const line = points.map((point) => `${point.x},${point.y}`).join(" ");
  const label = `Map of the journey: ${points.map((p) => p.place.name).join(", then ")}`;
  return html`<figure><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}" class="map">
<polyline points="${line}" fill="none" stroke="#15803d" stroke-width="3" stroke-dasharray="6 4"/>
${points.map(
  (
    p,
  ) => html`<g><circle cx="${p.x}" cy="${p.y}" r="9" fill="#14532d" stroke="white" stroke-width="2"/>
<text x="${p.x}" y="${p.y + 4}" text-anchor="middle" font-size="11" fill="white">${p.number}</text></g>`,
)}</svg>
<figcaption><ol class="places">${places.map(
    (place) => html`<li>${place.name} <span class="muted">(${place.organization})</span></li>`,
  )}</ol></figcaption></figure>`;
}
