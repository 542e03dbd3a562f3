import { celsiusText } from "@/lib/cold-chain";
import { countText } from "@/lib/text/plural";
import { CHART_BOX, type ChartBatch, chartGeometry } from "./chart-geometry";

const { width: WIDTH, height: HEIGHT, left: LEFT, right: RIGHT } = CHART_BOX;
const COLOURS = ["#1d4ed8", "#b45309", "#7e22ce", "#0f766e"];
const CLOCK = { hour: "2-digit", minute: "2-digit", timeZone: "UTC" } as const;
const AXIS_TIME = new Intl.DateTimeFormat("en-GB", CLOCK);
const AXIS_DAY_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  ...CLOCK,
});
const AXIS_TEXT = { fontSize: "11", fill: "#57534e" } as const;

/**
 * A batch's temperatures over time as an inline SVG line chart, drawn on the server (one line per
 * sensor) over the product's storage range as a green band, each reading outside the range marked
 * by a red dot, with the range, the time span and the count outside in its accessible name. Nothing
 * when no reading is stored.
 */
export function ColdChainChart({
  batch,
  timeText,
}: {
  batch: ChartBatch;
  timeText: (iso: string) => string;
}) {
  const geometry = chartGeometry(batch);
  const { readings, minCelsius: min, maxCelsius: max, firstAt, lastAt } = batch;
  if (!geometry || min === null || max === null || !firstAt || !lastAt) return null;
  const { x, y, outside } = geometry;
  const band = batch.judgement.range;
  const sensors = [...new Set(readings.map((r) => r.sensorId ?? ""))];
  const pointsOf = (sensor: string) =>
    readings
      .filter((r) => (r.sensorId ?? "") === sensor)
      .map((r) => `${x(r.at).toFixed(1)},${y(r.celsius).toFixed(1)}`)
      .join(" ");
  // The axis is short: the time alone within one day, else day and time.
  const axisFormat = firstAt.slice(0, 10) === lastAt.slice(0, 10) ? AXIS_TIME : AXIS_DAY_TIME;
  const axisText = (iso: string) => `${axisFormat.format(new Date(iso))} UTC`;
  const rangeText = band
    ? `; storage range ${celsiusText(band.minCelsius)} to ${celsiusText(band.maxCelsius)} °C`
    : "";
  const outsideText =
    outside.length > 0 ? `; ${countText(outside.length, "reading")} outside it` : "";
  const label = `Temperature from ${timeText(firstAt)} to ${timeText(lastAt)}: between ${celsiusText(min)} and ${celsiusText(max)} °C, ${countText(batch.count, "reading")}${rangeText}${outsideText}`;
  const axis = (celsius: number) => (
    <>
      <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(celsius)} y2={y(celsius)} stroke="#e7e5e4" />
      <text x={LEFT - 4} y={y(celsius) + 4} textAnchor="end" {...AXIS_TEXT}>
        {celsiusText(celsius)}°
      </text>
    </>
  );
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="chart">
      {geometry.band ? (
        <rect
          data-testid="storage-range-band"
          x={LEFT}
          width={WIDTH - LEFT - RIGHT}
          y={geometry.band.y}
          height={geometry.band.height}
          fill="#dcfce7"
        />
      ) : null}
      {band ? (
        // Inside the band, at its foot: above it, the label sat on the warm readings it is about.
        <text
          x={WIDTH - RIGHT - 2}
          y={y(band.minCelsius) - 3}
          textAnchor="end"
          fontSize="10"
          fill="#166534"
        >
          {celsiusText(band.minCelsius)}–{celsiusText(band.maxCelsius)} °C
        </text>
      ) : null}
      {axis(min)}
      {max === min ? null : axis(max)}
      {sensors.map((sensor, i) => (
        <polyline
          key={sensor}
          points={pointsOf(sensor)}
          fill="none"
          stroke={COLOURS[i % COLOURS.length]}
          strokeWidth="2"
        />
      ))}
      {outside.map((point) => (
        <circle
          key={`${point.sensorId ?? ""}@${point.at}`}
          data-testid="reading-outside-range"
          cx={point.cx.toFixed(1)}
          cy={point.cy.toFixed(1)}
          r="3"
          fill="#b91c1c"
          stroke="#fff"
          strokeWidth="1"
        />
      ))}
      <text x={LEFT} y={HEIGHT - 4} {...AXIS_TEXT}>
        {axisText(firstAt)}
      </text>
      <text x={WIDTH - RIGHT} y={HEIGHT - 4} textAnchor="end" {...AXIS_TEXT}>
        {axisText(lastAt)}
      </text>
    </svg>
  );
}
