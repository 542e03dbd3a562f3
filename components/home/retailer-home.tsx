import Link from "next/link";
import type { Member } from "@/lib/auth/session";
import type { RetailerHome as Home, ProductStock } from "@/lib/home";
import { HomeSection } from "./home-section";
import { OpenRecallList } from "./open-recalls";
import { IncomingSection } from "./shipment-item";

function StockList({ stock }: { stock: ProductStock[] }) {
  return (
    <ul aria-label="Stock by product" className="flex flex-col gap-2">
      {stock.map((row) => (
        <li key={`${row.gtin}-${row.unit}`}>
          <Link
            href={`/lots?product=${row.gtin}`}
            className="flex min-h-12 items-center justify-between gap-3 rounded-xl border border-stone-200 bg-white p-3 hover:border-ledger-600"
          >
            <span className="min-w-0">
              <span className="block font-semibold text-ledger-900">{row.product}</span>
              <span className="block text-sm text-stone-600">
                {row.lots} {row.lots === 1 ? "lot" : "lots"}
              </span>
            </span>
            <span className="shrink-0 text-lg font-bold" data-testid="stock-quantity">
              {row.quantity === null ? "—" : `${row.quantity} ${row.unit ?? ""}`}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A store's home: deliveries to accept, recalls and the stock they hold back, stock on hand. */
export function RetailerHomeView({
  member,
  home,
  timeZone,
}: {
  member: Member;
  home: Home;
  timeZone: string;
}) {
  const canRecord = member.role !== "READ_ONLY";
  const name = member.organization.name;
  return (
    <div className="@container">
      <div className="grid gap-6 @3xl:grid-cols-2">
        <HomeSection
          id="recalls"
          title="Recalls and holds"
          total={home.recalls.total}
          shown={home.recalls.items.length}
          empty={`No recall in force concerns ${name}: none of its stock is on hold.`}
          more={{ href: "/recalls", label: "All recalls" }}
        >
          <OpenRecallList recalls={home.recalls.items} timeZone={timeZone} />
        </HomeSection>
        <IncomingSection
          incoming={home.incoming}
          organizationName={name}
          canRecord={canRecord}
          timeZone={timeZone}
        />
        <HomeSection
          id="stock"
          title="Stock by product"
          shown={home.stock.length}
          empty={`${name} holds no stock yet: accept a shipment to add some.`}
        >
          <StockList stock={home.stock} />
        </HomeSection>
      </div>
    </div>
  );
}
