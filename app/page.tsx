import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckLotForm } from "@/components/public/check-lot-form";
import { LotLedgerMark } from "@/components/public/lotledger-mark";
import { getMember } from "@/lib/auth/session";

// Two kinds of visitor land here: a shopper holding a package (no account, ever) and staff of a member
// organisation. The shopper's box comes first; staff have one link.
export default async function HomePage() {
  if (await getMember()) redirect("/home");
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col gap-6 px-4 py-10 sm:py-16">
      <header className="flex items-center justify-between gap-3">
        <p className="flex items-center gap-2 text-xl font-bold text-ledger-900 sm:text-2xl">
          <LotLedgerMark className="size-9" />
          LotLedger
        </p>
        <Link
          href="/sign-in"
          className="flex min-h-11 items-center whitespace-nowrap rounded-xl border-2 border-ledger-700 px-3 font-semibold text-ledger-900"
        >
          Staff sign in
        </Link>
      </header>
      <h1 className="text-3xl font-bold text-balance text-ledger-900">
        Where does your food come from? Is it recalled?
      </h1>
      <p className="text-lg">
        Scan the square code on the package with your phone's camera, or type the numbers printed
        beside it. You will see where the lot was grown, packed and shipped, and at once if it is
        recalled.
      </p>
      <CheckLotForm
        heading="Check a product or recall"
        intro="No account needed: the GTIN and the lot code are printed on the package."
      />
      <p className="text-stone-700">
        Every handoff of a lot, from farm to shelf, is recorded on a shared ledger that farms,
        carriers and supermarkets can trust without trusting each other.
      </p>
    </main>
  );
}
