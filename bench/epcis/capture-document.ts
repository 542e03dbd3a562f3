// A realistic document for the capture bench: a distribution centre's day as its EPCIS repository
// sends it — mostly observations and sensor reports on ObjectEvents, some aggregations (cases on
// pallets), and shipping and receiving with their parties, documents and quantities.

const CONTEXT = ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"];
const sgtin = (n: number) => `https://id.gs1.org/01/09520123456788/21/S${n}`;
const sscc = (n: number) => `urn:epc:id:sscc:0614141.${String(1_000_000_000 + n).slice(-10)}`;
const place = (n: number) => ({ id: `urn:epc:id:sgln:0614141.00777.${n % 40}` });

function timeOf(n: number): { eventTime: string; eventTimeZoneOffset: string } {
  const at = new Date(Date.UTC(2026, 2, 1, 6) + n * 1_000);
  return { eventTime: at.toISOString().replace("Z", "+00:00"), eventTimeZoneOffset: "+00:00" };
}

function observation(n: number) {
  return {
    type: "ObjectEvent",
    ...timeOf(n),
    epcList: [sgtin(n), sgtin(n + 1)],
    action: "OBSERVE",
    bizStep: n % 2 ? "inspecting" : "storing",
    disposition: "sellable_accessible",
    readPoint: place(n),
    bizLocation: place(n + 1),
  };
}

function sensorReport(n: number) {
  return {
    type: "ObjectEvent",
    ...timeOf(n),
    epcList: [sgtin(n)],
    action: "OBSERVE",
    bizStep: "sensor_reporting",
    readPoint: place(n),
    sensorElementList: [
      {
        sensorMetadata: {
          time: timeOf(n).eventTime,
          deviceID: `urn:epc:id:giai:4000001.${n % 90}`,
        },
        sensorReport: [
          { type: "Temperature", value: 2 + (n % 50) / 10, uom: "CEL" },
          { type: "RelativeHumidity", value: 80 + (n % 15), uom: "A93" },
        ],
      },
    ],
  };
}

function aggregation(n: number) {
  return {
    type: "AggregationEvent",
    ...timeOf(n),
    parentID: sscc(n),
    childEPCs: [sgtin(n), sgtin(n + 1), sgtin(n + 2), sgtin(n + 3)],
    action: "ADD",
    bizStep: "packing",
    disposition: "in_progress",
    readPoint: place(n),
  };
}

function movement(n: number) {
  const isShipping = n % 2 === 0;
  return {
    type: "ObjectEvent",
    ...timeOf(n),
    epcList: [sscc(n)],
    action: "OBSERVE",
    bizStep: isShipping ? "shipping" : "receiving",
    disposition: isShipping ? "in_transit" : "in_progress",
    readPoint: place(n),
    bizTransactionList: [
      { type: "desadv", bizTransaction: `urn:epcglobal:cbv:bt:0614141000005:${n}` },
    ],
    sourceList: [{ type: "owning_party", source: "urn:epc:id:pgln:0614141.00000" }],
    destinationList: [{ type: "owning_party", destination: "urn:epc:id:pgln:4012345.00000" }],
    quantityList: [
      { epcClass: "urn:epc:class:lgtin:4012345.012345.998877", quantity: 40, uom: "KGM" },
    ],
  };
}

/** `count` events: 55% observations, 30% sensor reports, 8% aggregations, 7% shipping/receiving. */
export function benchDocument(count: number, offset = 0): object {
  const events = Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    const slot = n % 100;
    if (slot < 55) return observation(n * 4);
    if (slot < 85) return sensorReport(n * 4);
    if (slot < 93) return aggregation(n * 4);
    return movement(n * 4);
  });
  return {
    "@context": CONTEXT,
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2026-03-02T06:00:00.000+00:00",
    epcisBody: { eventList: events },
  };
}
