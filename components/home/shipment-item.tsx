import type { Shipment } from "@/lib/home";
import { HomeLotItem } from "./home-lot-item";

/** "From Green Valley Farm, carried by ColdRoute Logistics": who sent it, and who brings it. */
export function fromLine(shipment: Shipment): string | null {
  if (!shipment.party) return null;
  return shipment.carrier
    ? `From ${shipment.party}, carried by ${shipment.carrier}`
    : `From ${shipment.party}`;
}

/** A shipment on its way to the member's organisation: one tap opens the lot at its receiving form. */
export function IncomingShipmentItem({
  shipment,
  canRecord,
  timeZone,
  action = "Receive",
}: {
  shipment: Shipment;
  canRecord: boolean;
  timeZone: string;
  action?: string;
}) {
  return (
    <HomeLotItem
      lot={shipment}
      href={`/lots/${shipment.id}`}
      action={canRecord ? action : "Open"}
      detail={fromLine(shipment)}
      atLabel="Shipped"
      timeZone={timeZone}
    />
  );
}
