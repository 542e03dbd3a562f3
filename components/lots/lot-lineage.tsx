import Link from "next/link";

type LinkedLot = { id: string; lotCode: string };

/**
 * What a lot was made from and what was made from it (splits, merges, packing, transformation), each
 * a link to that lot: the trail back to the field and forward to the shelf, one tap a step.
 */
export function LotLineage({ sources, outputs }: { sources: LinkedLot[]; outputs: LinkedLot[] }) {
  if (sources.length === 0 && outputs.length === 0) return null;
  return (
    <section className="flex flex-col gap-2" aria-label="Lineage">
      {sources.length > 0 ? <LotLinks title="Made from" lots={sources} /> : null}
      {outputs.length > 0 ? <LotLinks title="Made into" lots={outputs} /> : null}
    </section>
  );
}

function LotLinks({ title, lots }: { title: string; lots: LinkedLot[] }) {
  return (
    <nav aria-label={title} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <h2 className="font-semibold">{title}</h2>
      <ul className="contents">
        {lots.map((lot) => (
          <li key={lot.id}>
            <Link
              href={`/lots/${lot.id}`}
              className="inline-flex min-h-11 items-center font-medium text-ledger-800 underline underline-offset-4"
            >
              Lot {lot.lotCode}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
