import Link from "next/link";
import { redirect } from "next/navigation";
import { getMember } from "@/lib/auth/session";

export default async function HomePage() {
  if (await getMember()) redirect("/home");
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 px-5 py-16">
      <h1 className="text-4xl font-bold text-ledger-900">LotLedger</h1>
      <p className="text-lg">
        Every handoff of a lot, from farm to shelf, recorded on a shared ledger that farms, carriers
        and supermarkets can trust without trusting each other.
      </p>
      <Link
        href="/sign-in"
        className="self-start rounded-xl bg-ledger-700 px-6 py-4 text-lg font-semibold text-white hover:bg-ledger-900"
      >
        Sign in
      </Link>
    </main>
  );
}
