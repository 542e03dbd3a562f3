import { FROM_THE_LOTS_PAGE, LotEventLinks } from "@/components/lots/lot-event-links";
import { PendingWrites } from "@/components/lots/pending-writes";
import type { Member } from "@/lib/auth/session";
import type { ProducerHome as Home } from "@/lib/home";
import { HomeLotItem, HomeLotList } from "./home-lot-item";
import { HomeSection } from "./home-section";
import { IncomingSection } from "./shipment-item";

const WHAT_STARTS_A_LOT: Record<string, string> = {
  FARM: "Record a harvest to start one.",
  PACKER: "Record an initial packing to start one.",
  PROCESSOR: "Record a transformation to start one.",
};

/** The home of a farm, packhouse or kitchen: record, see today's lots, receive, and what is queued. */
export function ProducerHomeView({ member, home }: { member: Member; home: Home }) {
  const canRecord = member.role !== "READ_ONLY";
  const { timeZone } = home;
  return (
    <div className="@container flex flex-col gap-6">
      <LotEventLinks member={member} ctes={FROM_THE_LOTS_PAGE} label="Record" />
      <div className="grid gap-6 @3xl:grid-cols-2">
        <HomeSection
          id="today"
          title="Today's lots"
          total={home.today.total}
          shown={home.today.items.length}
          empty={`No lots recorded today by ${member.organization.name}. ${canRecord ? (WHAT_STARTS_A_LOT[member.organization.kind] ?? "") : ""}`}
          more={{ href: "/lots", label: "All lots" }}
        >
          <HomeLotList label="Today's lots">
            {home.today.items.map((lot) => (
              <HomeLotItem
                key={lot.id}
                lot={lot}
                href={`/lots/${lot.id}`}
                action="Open"
                detail={null}
                atLabel="Recorded"
                timeZone={timeZone}
              />
            ))}
          </HomeLotList>
        </HomeSection>
        <IncomingSection
          incoming={home.incoming}
          organizationName={member.organization.name}
          canRecord={canRecord}
          timeZone={timeZone}
        />
      </div>
      {home.pendingWrites.length > 0 ? (
        <PendingWrites writes={home.pendingWrites} />
      ) : (
        <p className="text-sm text-stone-600" data-testid="pending-empty">
          Every write of {member.organization.name} is on the ledger.
        </p>
      )}
    </div>
  );
}
