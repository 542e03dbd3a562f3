import type { Member } from "@/lib/auth/session";
import { recordReadings } from "@/lib/cold-chain";
import type { Db } from "@/lib/db/client";
import { receiveLot } from "@/lib/events/receiving";
import { queueTrackingEvent } from "@/lib/events/record-event";
import { handOffLot } from "@/lib/events/shipping";
import type { DemoCast } from "./demo-cast";
import { harvestForm, packingForm, splitForm } from "./demo-forms";

/** The lot codes of the demo story; each exists only after the story has been told. */
export const DEMO_LOT_CODES = {
  harvest: "RM-2611-A",
  packed: "RH-2611-A",
  secondHarvest: "RM-2611-B",
  storeBatch: "RM-2611-B1",
  farmBatch: "RM-2611-B2",
} as const;

/** The farm's own bill of lading for the romaine it ships to FreshMart. */
export const DEMO_BILL_OF_LADING = "BOL 042520-GV";

const ACCEPT = { decision: "accept" } as const;

type Wrote = { writeId: string };
export type StoryContext = {
  db: Db;
  cast: DemoCast;
  /** Resolves once the write is on the chain and indexed. */
  recorded: (write: Wrote) => Promise<void>;
  log: (line: string) => void;
};

/**
 * Romaine from the field to the shop: Green Valley Farm harvests 500 kg, packs it into six labelled
 * cases of romaine hearts, keeps them in its cold room with a logger running and ships them to
 * FreshMart on its own bill of lading; ColdRoute Logistics carries them and delivers them; FreshMart
 * receives them. Returns the packed lot's id.
 */
export async function tellRomaineJourney({ db, cast, recorded, log }: StoryContext) {
  const { farm, carrier, store } = cast;
  const codes = DEMO_LOT_CODES;
  const harvest = await queueTrackingEvent({
    db,
    member: farm,
    cte: "harvesting",
    values: harvestForm(farm, { lotCode: codes.harvest, kilograms: 500 }),
  });
  await recorded(harvest);
  log(`harvest ${codes.harvest} recorded (500 kg romaine, Green Valley Farm)`);
  const packing = await queueTrackingEvent({
    db,
    member: farm,
    cte: "initial_packing",
    values: packingForm(
      farm,
      { lotId: harvest.lotId, kilograms: 500 },
      { lotCode: codes.packed, kilograms: 480, cases: 6 },
    ),
  });
  await recorded(packing);
  const packedId = packing.newLotIds[0] as string;
  log(`packing ${codes.harvest} → ${codes.packed} recorded (6 labelled cases)`);
  // The farm's cold room held the cases since packing: its logger's last day is in the farm's custody
  // window (readings from before a holder had the lot are refused).
  await recorded(
    await recordReadings({ db, member: farm, lotId: packedId, readings: coldChainReadings() }),
  );
  log(`48 temperature readings of ${codes.packed} recorded (1–4 °C, Green Valley Farm cold room)`);
  // The farm ships to the store; ColdRoute carries it (custody on the ledger) and delivers it there.
  await recorded(
    await handOffLot({
      db,
      member: farm,
      lotId: packedId,
      input: {
        recipientGln: store.organization.gln,
        carrierGln: carrier.organization.gln,
        documentType: "bol",
        documentNumber: DEMO_BILL_OF_LADING,
      },
    }),
  );
  await recorded(await receiveLot({ db, member: carrier, lotId: packedId, input: ACCEPT }));
  log(`${codes.packed} shipped to FreshMart (${DEMO_BILL_OF_LADING}), picked up by ColdRoute`);
  await ship({ db, recorded }, { lotId: packedId, from: carrier, to: store });
  log(`${codes.packed} delivered to FreshMart by ColdRoute and accepted`);
  return packedId;
}

/**
 * A second harvest split into two sibling batches of the same product: one sold on to FreshMart, one
 * kept at the farm — what a recall of one batch must tell apart.
 */
export async function tellSiblingBatches({ db, cast, recorded, log }: StoryContext) {
  const { farm, store } = cast;
  const codes = DEMO_LOT_CODES;
  const harvest = await queueTrackingEvent({
    db,
    member: farm,
    cte: "harvesting",
    values: harvestForm(farm, { lotCode: codes.secondHarvest, kilograms: 300 }),
  });
  await recorded(harvest);
  log(`harvest ${codes.secondHarvest} recorded (300 kg romaine, Green Valley Farm)`);
  const split = await queueTrackingEvent({
    db,
    member: farm,
    cte: "split",
    values: splitForm(farm, { lotId: harvest.lotId, kilograms: 300 }, [
      { lotCode: codes.storeBatch, cases: 2 },
      { lotCode: codes.farmBatch, cases: 1 },
    ]),
  });
  await recorded(split);
  log(`split ${codes.secondHarvest} → ${codes.storeBatch} + ${codes.farmBatch} recorded`);
  const [storeBatchId = ""] = split.newLotIds;
  await ship({ db, recorded }, { lotId: storeBatchId, from: farm, to: store });
  log(
    `${codes.storeBatch} shipped to FreshMart and accepted; ${codes.farmBatch} stays at the farm`,
  );
}

/** Shipping and receiving: the sender hands the lot off, the recipient accepts it. */
async function ship(
  { db, recorded }: Pick<StoryContext, "db" | "recorded">,
  { lotId, from, to }: { lotId: string; from: Member; to: Member },
) {
  await recorded(
    await handOffLot({ db, member: from, lotId, input: { recipientGln: to.organization.gln } }),
  );
  await recorded(await receiveLot({ db, member: to, lotId, input: ACCEPT }));
}

/** A cold room logger's last day: every 30 minutes, a gentle 1–4 °C wave as the compressor cycles. */
export function coldChainReadings(now = Date.now()) {
  const end = now - 5 * 60_000;
  return Array.from({ length: 48 }, (_, i) => ({
    time: new Date(end - (47 - i) * 30 * 60_000).toISOString(),
    celsius: Math.round((2.5 + 1.2 * Math.sin(i / 3) + 0.2 * Math.cos(i * 1.7)) * 10) / 10,
    sensor: "GREENVALLEY-COLDROOM-3",
  }));
}
