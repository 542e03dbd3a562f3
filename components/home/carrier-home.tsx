import type { Member } from "@/lib/auth/session";
import type { CarrierHome as Home, Shipment } from "@/lib/home";
import { HomeLotItem, HomeLotList } from "./home-lot-item";
import { HomeSection } from "./home-section";
import { fromLine } from "./shipment-item";

/** Where a lot on the carrier's truck goes, or whom it waits for. */
function onTheRoad(lot: Shipment): string | null {
  if (lot.status === "IN_TRANSIT") return lot.party ? `Waiting for ${lot.party} to accept` : null;
  return lot.recipient ? `To ${lot.recipient}` : null;
}

/** A carrier's home: what to pick up, what is on the road, what was delivered. It records no lots. */
export function CarrierHomeView({
  member,
  home,
  timeZone,
}: {
  member: Member;
  home: Home;
  timeZone: string;
}) {
  const canRecord = member.role !== "READ_ONLY";
  return (
    <div className="@container">
      <div className="grid gap-6 @3xl:grid-cols-3">
        <HomeSection
          id="pick-up"
          title="To pick up"
          total={home.toPickUp.total}
          shown={home.toPickUp.items.length}
          empty={`No shipper has handed a lot to ${member.organization.name} to pick up.`}
        >
          <HomeLotList label="To pick up">
            {home.toPickUp.items.map((lot) => (
              <HomeLotItem
                key={lot.id}
                lot={lot}
                href={`/lots/${lot.id}`}
                action={canRecord ? "Pick up" : "Open"}
                detail={[
                  fromLine(lot),
                  // Shipped to the carrier itself, the carrier decides where it goes next.
                  lot.recipient && lot.recipient !== member.organization.name
                    ? `to ${lot.recipient}`
                    : null,
                ]
                  .filter(Boolean)
                  .join(" ")}
                atLabel="Shipped"
                timeZone={timeZone}
              />
            ))}
          </HomeLotList>
        </HomeSection>
        <HomeSection
          id="in-transit"
          title="In transit"
          total={home.inTransit.total}
          shown={home.inTransit.items.length}
          empty={`${member.organization.name} is carrying nothing right now.`}
        >
          <HomeLotList label="In transit">
            {home.inTransit.items.map((lot) => (
              <HomeLotItem
                key={lot.id}
                lot={lot}
                href={`/lots/${lot.id}`}
                action={lot.status === "ACTIVE" && canRecord ? "Deliver" : "Open"}
                detail={onTheRoad(lot)}
                atLabel={lot.status === "IN_TRANSIT" ? "Shipped on" : "Shipped"}
                timeZone={timeZone}
              />
            ))}
          </HomeLotList>
        </HomeSection>
        <HomeSection
          id="delivered"
          title="Delivered"
          shown={home.delivered.length}
          empty="No delivery of yours has been accepted yet."
        >
          <HomeLotList label="Delivered">
            {home.delivered.map((lot) => (
              <HomeLotItem
                key={lot.id}
                lot={lot}
                href={`/lots/${lot.id}`}
                action="Open"
                detail={lot.party ? `Accepted by ${lot.party}` : null}
                atLabel="Accepted"
                timeZone={timeZone}
              />
            ))}
          </HomeLotList>
        </HomeSection>
      </div>
    </div>
  );
}
