import Link from "next/link";
import { signOutAction } from "@/app/sign-in/actions";
import { OfflineSync } from "@/components/offline/offline-sync";
import { RecallNotices } from "@/components/recall/notices";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { keepsProducts } from "@/lib/products";
import { findRecallsAwaiting } from "@/lib/recall";

// One width for the header, the recall notices and every page, so their edges line up on a desktop.
const PAGE_WIDTH = "mx-auto w-full max-w-6xl";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const member = await requireMember();
  const recalls = await findRecallsAwaiting({
    db: getDb(),
    organizationId: member.organization.id,
  });
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-stone-200 bg-white">
        <div className={`${PAGE_WIDTH} flex items-center justify-between gap-2 px-4 pt-3`}>
          <Link href="/home" className="text-xl font-bold text-ledger-900">
            LotLedger
          </Link>
          <div className="flex items-center gap-1">
            <form action={signOutAction}>
              <button
                type="submit"
                className="min-h-11 rounded-lg px-3 text-base font-medium text-stone-700 underline"
              >
                Sign out
              </button>
            </form>
            <Link
              href="/scan"
              className="flex min-h-12 items-center rounded-xl bg-ledger-700 px-5 text-lg font-semibold text-white"
            >
              Scan
            </Link>
          </div>
        </div>
        <p className={`${PAGE_WIDTH} px-4 pb-1 text-sm text-stone-600`}>
          {member.name} ·{" "}
          <Link href="/organization" className="inline-block py-2 underline underline-offset-2">
            {member.organization.name}
          </Link>{" "}
          ·{" "}
          {member.organization.kind === "REGULATOR" ? null : (
            <>
              <Link href="/lots" className="inline-block py-2 underline underline-offset-2">
                Lots
              </Link>{" "}
              ·{" "}
              <Link href="/units" className="inline-block py-2 underline underline-offset-2">
                Pallets
              </Link>{" "}
              ·{" "}
              <Link href="/shipments" className="inline-block py-2 underline underline-offset-2">
                Shipments
              </Link>{" "}
              ·{" "}
            </>
          )}
          <Link href="/recalls" className="inline-block py-2 underline underline-offset-2">
            Recalls
          </Link>
          {member.organization.kind === "REGULATOR" ? (
            <>
              {" "}
              ·{" "}
              <Link href="/audit-log" className="inline-block py-2 underline underline-offset-2">
                Audit log
              </Link>
            </>
          ) : null}
          {keepsProducts(member) ? (
            <>
              {" "}
              ·{" "}
              <Link href="/products" className="inline-block py-2 underline underline-offset-2">
                Products
              </Link>
            </>
          ) : null}
        </p>
        <div className={`${PAGE_WIDTH} px-4 empty:hidden [&:has(p)]:pb-2`}>
          <OfflineSync userId={member.userId} />
        </div>
      </header>
      <RecallNotices member={member} recalls={recalls} />
      <main className={`${PAGE_WIDTH} flex flex-1 flex-col gap-6 px-4 py-6`}>{children}</main>
    </div>
  );
}
