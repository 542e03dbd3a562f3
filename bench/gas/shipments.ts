import { type Contract, id } from "ethers";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import { gasOf, JOURNEY_PREFIX, type Parties, sender } from "./journey";

// Batched custody on LotTracker (the storage baseline has no batches): a truckload of 20 lots shipped
// with one handoffBatch and received with one acceptShipment, the same 20 lots received pallet by
// pallet (4 × acceptBatch of 5), and one handoff + accept of a single lot to compare them with.

export type ShipmentGas = {
  /** Gas per lot of handoffBatch + acceptShipment of 20 lots. */
  shipment20: number;
  /** Gas per lot of handoffBatch + 4 × acceptBatch (pallets of 5) of the same 20 lots. */
  shipment20_by_pallet: number;
  /** handoff + acceptHandoff of one lot. */
  one_lot: number;
  /** packUnit of 3 lots on one pallet (SSCC). */
  pack3: number;
  /**
   * The next handoff of a lot received in a whole shipment: it settles the lot's link (reads the
   * shipment's slot), the part of receiving that acceptShipment leaves to each lot's next change.
   */
  handoff_after_shipment: number;
};

const LOTS = 20;
const PALLETS = 4;
const GTIN = "00614141000012";

/** An SSCC under the journey's prefix, extension digit 1, as the uint64 LotTracker takes. */
function sscc(serial: number): bigint {
  const body = `1${JOURNEY_PREFIX}${String(serial).padStart(9, "0")}`;
  return BigInt(`${body}${gs1CheckDigit(body)}`);
}

/** The farm ships lots to the packer (both hold custody roles after grantJourneyRoles). */
export async function measureShipments(tracker: Contract, parties: Parties): Promise<ShipmentGas> {
  const [asFarm, asPacker] = [parties.farm, parties.packer].map((s) => sender(tracker, s));
  if (!asFarm || !asPacker) throw new Error("The shipment bench needs a farm and a packer.");
  const packer = await parties.packer.getAddress();
  let count = 0;
  const newLots = async (n: number) => {
    const lotIds: string[] = [];
    for (let i = 0; i < n; i++) {
      const code = `SHIP-${++count}`;
      await gasOf(asFarm("createLot", BigInt(GTIN), encodeLotCode(code), id(code), id(code)));
      lotIds.push(lotIdOf(GTIN, code));
    }
    return lotIds;
  };

  const whole = await newLots(LOTS);
  const shipWhole = await gasOf(asFarm("handoffBatch", whole, packer, id("truck 1")));
  const acceptWhole = await gasOf(asPacker("acceptShipment", 1, id("received 1")));
  const farm = await parties.farm.getAddress();
  const onward = await gasOf(asPacker("handoff", whole[0], farm, id("back to the farm")));

  const byPallet = await newLots(LOTS);
  let palletGas = await gasOf(asFarm("handoffBatch", byPallet, packer, id("truck 2")));
  const perPallet = LOTS / PALLETS;
  for (let start = 0; start < LOTS; start += perPallet) {
    const pallet = byPallet.slice(start, start + perPallet);
    palletGas += await gasOf(asPacker("acceptBatch", 2, pallet, id(`pallet ${start}`)));
  }

  const [single] = await newLots(1);
  const oneLot =
    (await gasOf(asFarm("handoff", single, packer, id("van")))) +
    (await gasOf(asPacker("acceptHandoff", single, id("received van"))));

  const packed = await newLots(3);
  const pack3 = await gasOf(asFarm("packUnit", sscc(1), packed, id("contents"), id("packing")));

  return {
    shipment20: Math.round((shipWhole + acceptWhole) / LOTS),
    shipment20_by_pallet: Math.round(palletGas / LOTS),
    one_lot: oneLot,
    pack3,
    handoff_after_shipment: onward,
  };
}
