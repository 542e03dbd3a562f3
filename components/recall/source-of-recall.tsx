import Link from "next/link";

/**
 * On the page of a lot that other lots were made from: some of them are recalled, so this lot is the
 * source of a recalled lot — its producer decides whether to extend the recall to it.
 */
export function RecallSourceOfRecall({
  lotCode,
  recalls,
}: {
  lotCode: string;
  recalls: { recallId: string; lotCode: string }[];
}) {
  if (recalls.length === 0) return null;
  return (
    <section
      role="status"
      aria-label="Source of a recalled lot"
      className="flex flex-col gap-1 rounded-xl border-2 border-amber-600 bg-amber-50 p-4 text-amber-950"
    >
      <p className="text-lg font-bold">
        <span aria-hidden="true">⚠ </span>Source of a recalled lot
      </p>
      {recalls.map((recall) => (
        <p key={recall.recallId}>
          Lot {recall.lotCode}, made from lot {lotCode}, is recalled.{" "}
          <Link href={`/recalls/${recall.recallId}`} className="font-semibold underline">
            Open its recall
          </Link>{" "}
          to see it, and to extend it to lot {lotCode} if it is affected.
        </p>
      ))}
    </section>
  );
}
