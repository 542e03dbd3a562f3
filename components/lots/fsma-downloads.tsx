import { EpcisTrailLink } from "@/components/lots/epcis-trail-link";

/** A lot's FDA FSMA 204 workbook: its TLC with its GTIN, since two products may share a lot code. */
export function fsmaWorkbookHref(lot: { gtin: string; lotCode: string }): string {
  return `/api/fsma/workbook.xlsx?${new URLSearchParams({ tlc: lot.lotCode, gtin: lot.gtin })}`;
}

const LINK =
  "flex min-h-11 items-center rounded-xl border-2 border-ledger-700 px-4 font-semibold text-ledger-900";

/**
 * A lot's full trace as the FDA asks for it: the template's workbook first, the one-sheet CSV beside
 * it as the quick download, then the trail as EPCIS 2.0 for a partner's system. `extra` goes first
 * (a recall's scope).
 */
export function FsmaDownloads({
  lot,
  csvHref,
  extra,
}: {
  lot: { id: string; gtin: string; lotCode: string };
  csvHref: string;
  extra?: { href: string; label: string };
}) {
  return (
    <nav aria-label="Downloads" className="flex flex-wrap gap-2">
      {extra ? (
        <a href={extra.href} className={LINK} download>
          {extra.label}
        </a>
      ) : null}
      <a href={fsmaWorkbookHref(lot)} className={LINK} download>
        FDA FSMA 204 workbook (.xlsx)
      </a>
      <a href={csvHref} className={LINK} download>
        FSMA 204 spreadsheet (CSV)
      </a>
      <EpcisTrailLink lotId={lot.id} className={LINK} />
    </nav>
  );
}
