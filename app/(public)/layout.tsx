/** The public side (GS1 Digital Link resolver, provenance): no login, no client JavaScript of its own. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto flex min-h-screen max-w-2xl flex-col">
      <header className="border-b border-stone-200 bg-white px-4 py-3">
        <p className="text-xl font-bold text-ledger-900">LotLedger</p>
        <p className="text-sm text-stone-600">
          Where your food comes from, as recorded on a shared ledger
        </p>
      </header>
      <main className="flex flex-1 flex-col gap-6 px-4 py-6">{children}</main>
    </div>
  );
}
