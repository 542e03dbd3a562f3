/** Downloads of a lot's recall scope and of its trace as the FDA FSMA 204 sortable spreadsheet. */
export function RecallExports({ basePath }: { basePath: string }) {
  const link =
    "flex min-h-11 items-center rounded-xl border-2 border-ledger-700 px-4 font-semibold text-ledger-900";
  return (
    <nav aria-label="Downloads" className="flex flex-wrap gap-2">
      <a href={`${basePath}/scope.csv`} className={link} download>
        Scope (CSV)
      </a>
      <a href={`${basePath}/fsma.csv`} className={link} download>
        FSMA 204 spreadsheet (CSV)
      </a>
    </nav>
  );
}
