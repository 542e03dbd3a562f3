import Link from "next/link";

/**
 * On a staff lot page: the lot is recalled, itself or through a lot it was made from, so its stock
 * stays where it is, off sale.
 */
export function LotRecallAlert({
  lotCode,
  recall,
}: {
  lotCode: string;
  recall: { id: string | null; lotCode: string };
}) {
  return (
    <section
      role="alert"
      aria-label="Recall"
      className="rounded-xl border-2 border-red-700 bg-red-50 p-4 text-red-900"
    >
      <p className="text-lg font-bold">
        {recall.lotCode === lotCode
          ? `Lot ${lotCode} is recalled.`
          : `Lot ${lotCode} is recalled: it was made from lot ${recall.lotCode}.`}
      </p>
      <p>
        Keep every package of it off sale; it cannot be shipped or used until the recall is lifted.
      </p>
      {recall.id ? (
        <Link href={`/recalls/${recall.id}`} className="font-semibold underline">
          Follow the recall
        </Link>
      ) : null}
    </section>
  );
}
