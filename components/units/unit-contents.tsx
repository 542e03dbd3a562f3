import Link from "next/link";
import type { UnitLine } from "@/lib/logistic-units/get-unit";

/** What is on the pallet, by product then lot: a list on a phone, a table's columns on a desk. */
export function UnitContents({ lines }: { lines: UnitLine[] }) {
  const products = [...new Set(lines.map((line) => line.product))];
  return (
    <section className="flex flex-col gap-3" aria-label="Contents">
      <h2 className="text-lg font-semibold">Contents</h2>
      {products.map((product) => (
        <div key={product} className="rounded-xl border-2 border-stone-200 bg-white p-3">
          <h3 className="font-semibold">{product}</h3>
          <ul className="mt-1 divide-y divide-stone-200">
            {lines
              .filter((line) => line.product === product)
              .map((line) => (
                <li
                  key={line.lotId}
                  className="flex flex-wrap items-baseline justify-between gap-x-4 py-2"
                >
                  <Link
                    href={`/lots/${line.lotId}`}
                    className="min-h-11 py-2 font-semibold text-ledger-700 underline"
                  >
                    Lot {line.lotCode}
                  </Link>
                  <span className="text-stone-700">
                    {line.quantity ? `${line.quantity} ${line.unit ?? ""}` : ""}
                    {line.packageCount > 0
                      ? ` · ${line.packageCount} ${line.packageCount === 1 ? "case" : "cases"}`
                      : ""}
                    {line.lotStatus === "RECALLED" ? (
                      <strong className="ml-2 text-red-800">recalled</strong>
                    ) : null}
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
