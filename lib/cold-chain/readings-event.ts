import type { PayloadValue } from "@/lib/chain/payload";
import { eventTimeOf, locationId, lotEpcClass, partyId } from "@/lib/epcis/event";
import type { AnchoredReading } from "./reading-leaf";

const DISPOSITIONS = {
  ACTIVE: "active",
  IN_TRANSIT: "in_transit",
  RECALLED: "recalled",
  CONSUMED: "active",
} as const;

/**
 * The batch's off-chain payload: an EPCIS 2.0 ObjectEvent (bizStep sensor_reporting) with one
 * sensorElement per device summarising its readings (start and end time, minimum, maximum and mean
 * in CEL), plus the Merkle root and count that go on-chain and how each leaf is made. The readings
 * themselves are rows of TemperatureReading, each provable against the root.
 */
export function readingsEvent(options: {
  lot: { gtin: string; lotCode: string; status: keyof typeof DISPOSITIONS };
  partyGln: string;
  locationGln: string;
  readings: readonly AnchoredReading[];
  merkleRoot: string;
}): { [key: string]: PayloadValue } {
  const { lot, readings } = options;
  const last = readings.reduce((a, b) => (b.takenAt > a.takenAt ? b : a));
  const bySensor = new Map<string, AnchoredReading[]>();
  for (const reading of readings) {
    const key = reading.sensorId ?? "";
    const group = bySensor.get(key);
    if (group) group.push(reading);
    else bySensor.set(key, [reading]);
  }
  return {
    type: "ObjectEvent",
    ...eventTimeOf(last.takenAt),
    action: "OBSERVE",
    bizStep: "sensor_reporting",
    disposition: DISPOSITIONS[lot.status],
    quantityList: [{ epcClass: lotEpcClass(lot.gtin, lot.lotCode) }],
    readPoint: { id: locationId(options.locationGln) },
    bizLocation: { id: locationId(options.locationGln) },
    sourceList: [{ type: "owning_party", id: partyId(options.partyGln) }],
    sensorElementList: [...bySensor].map(([sensorId, group]) => sensorElement(sensorId, group)),
    readings: {
      merkleRoot: options.merkleRoot,
      count: readings.length,
      leaf: "keccak256(keccak256(abi.encode(bytes32 lotId, uint64 takenAtMs, int32 milliCelsius, string sensorId)))",
    },
    eventId: crypto.randomUUID(),
  };
}

function sensorElement(sensorId: string, readings: readonly AnchoredReading[]): PayloadValue {
  const times = readings.map((r) => r.takenAt.getTime());
  const milli = readings.map((r) => r.milliCelsius);
  const mean = milli.reduce((sum, m) => sum + m, 0) / milli.length;
  return {
    sensorMetadata: {
      startTime: new Date(Math.min(...times)).toISOString(),
      endTime: new Date(Math.max(...times)).toISOString(),
      ...(sensorId ? { deviceID: `urn:lotledger:sensor:${encodeURIComponent(sensorId)}` } : {}),
    },
    sensorReport: [
      {
        type: "gs1:Temperature",
        minValue: Math.min(...milli) / 1000,
        maxValue: Math.max(...milli) / 1000,
        meanValue: Math.round(mean) / 1000,
        uom: "CEL",
      },
    ],
  };
}
