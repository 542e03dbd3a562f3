import { FsmaDownloads } from "@/components/lots/fsma-downloads";

/** Downloads of a lot's recall scope and of its trace as the FDA FSMA 204 sortable spreadsheet and of its trail as EPCIS. */
export function RecallExports({
  basePath,
  lot,
}: {
  basePath: string;
  lot: { id: string; gtin: string; lotCode: string };
}) {
  return (
    <FsmaDownloads
      lot={lot}
      csvHref={`${basePath}/fsma.csv`}
      extra={{ href: `${basePath}/scope.csv`, label: "Scope (CSV)" }}
    />
  );
}
