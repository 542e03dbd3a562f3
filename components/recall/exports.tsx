import { EpcisTrailLink } from "@/components/lots/epcis-trail-link";

export const DOWNLOAD_LINK =
  "flex min-h-11 items-center rounded-xl border-2 border-ledger-700 px-4 font-semibold text-ledger-900";

/** Downloads of a lot's recall scope, of its trace as the FDA FSMA 204 sortable spreadsheet, and of its trail as EPCIS. */
export function RecallExports({ basePath, lotId }: { basePath: string; lotId: string }) {
  return (
    <nav aria-label="Downloads" className="flex flex-wrap gap-2">
      <a href={`${basePath}/scope.csv`} className={DOWNLOAD_LINK} download>
        Scope (CSV)
      </a>
      <a href={`${basePath}/fsma.csv`} className={DOWNLOAD_LINK} download>
        FSMA 204 spreadsheet (CSV)
      </a>
      <EpcisTrailLink lotId={lotId} className={DOWNLOAD_LINK} />
    </nav>
  );
}
