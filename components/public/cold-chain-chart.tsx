import { type ColdChainBatch, celsiusText } from "@/lib/cold-chain";
import { countText } from "@/lib/text/plural";

const WIDTH = 320;
const HEIGHT = 160;
const LEFT = 40;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 20;
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
 * sensor) over the product's storage range as a green band, with the range and time span in its
 * accessible name. Nothing when no reading is stored.
 */
export function ColdChainChart({
  batch,
  timeText,
}: {
  batch: ColdChainBatch;
  timeText: (iso: string) => string;
}) {
  const { readings, minCelsius: min, maxCelsius: max, firstAt, lastAt } = batch;
  if (readings.length === 0 || min === null || max === null || !firstAt || !lastAt) return null;
  // At least 2 °C tall, so a steady line sits mid-chart instead of drawing noise across it.
  const middle = (min + max) / 2;
  const band = batch.judgement.range;
  // The band is always in sight, so a reading outside it is seen to be outside.
  const low = Math.min(min - 0.5, middle - 1, (band?.minCelsius ?? min) - 0.5);
  const high = Math.max(max + 0.5, middle + 1, (band?.maxCelsius ?? max) + 0.5);
  const start = Date.parse(firstAt);
  const span = Math.max(Date.parse(lastAt) - start, 1);
  const x = (at: string) => LEFT + ((Date.parse(at) - start) / span) * (WIDTH - LEFT - RIGHT);
  const y = (celsius: number) => TOP + ((high - celsius) / (high - low)) * (HEIGHT - TOP - BOTTOM);
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
  const label = `Temperature from ${timeText(firstAt)} to ${timeText(lastAt)}: between ${celsiusText(min)} and ${celsiusText(max)} °C, ${countText(batch.count, "reading")}${rangeText}`;
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
      {band ? (
        <rect
          data-testid="storage-range-band"
          x={LEFT}
          width={WIDTH - LEFT - RIGHT}
          y={y(band.maxCelsius)}
          height={y(band.minCelsius) - y(band.maxCelsius)}
          fill="#dcfce7"
        />
      ) : null}
      {band ? (
        <text
          x={WIDTH - RIGHT - 2}
          y={y(band.maxCelsius) - 3}
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
      <text x={LEFT} y={HEIGHT - 4} {...AXIS_TEXT}>
        {axisText(firstAt)}
      </text>
      <text x={WIDTH - RIGHT} y={HEIGHT - 4} textAnchor="end" {...AXIS_TEXT}>
        {axisText(lastAt)}
      </text>
    </svg>
  );
}
