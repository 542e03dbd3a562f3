import Link from "next/link";
import type { Shipment } from "@/lib/home";
import { HomeLotItem, HomeLotList } from "./home-lot-item";
import { HomeSection } from "./home-section";

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

/** The home's "Incoming shipments": what is on its way to the organisation, each one tap from receiving. */
export function IncomingSection({
  incoming,
  organizationName,
  canRecord,
  timeZone,
}: {
  incoming: { items: Shipment[]; total: number };
  organizationName: string;
  canRecord: boolean;
  timeZone: string;
}) {
  return (
    <HomeSection
      id="incoming"
      title="Incoming shipments"
      total={incoming.total}
      shown={incoming.items.length}
      empty={`No shipments are on their way to ${organizationName}.`}
      more={{ href: "/lots?view=incoming", label: "All incoming" }}
    >
      <HomeLotList label="Incoming shipments">
        {incoming.items.map((shipment) => (
          <IncomingShipmentItem
            key={shipment.id}
            shipment={shipment}
            canRecord={canRecord}
            timeZone={timeZone}
          />
        ))}
      </HomeLotList>
      <Link href="/shipments" className="self-start py-2 font-semibold text-ledger-700 underline">
        Shipments by pallet
      </Link>
    </HomeSection>
  );
}
