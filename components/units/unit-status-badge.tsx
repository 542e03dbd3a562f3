import type { UnitStatus } from "@/lib/logistic-units/get-unit";

const WORDS: Record<UnitStatus, { text: string; tone: string }> = {
  BEING_PACKED: { text: "Being packed", tone: "bg-amber-100 text-amber-900" },
  REFUSED: { text: "Refused by the ledger", tone: "bg-red-100 text-red-900" },
  ON_LEDGER: { text: "On the ledger", tone: "bg-ledger-50 text-ledger-900" },
  IN_SHIPMENT: { text: "In a shipment", tone: "bg-sky-100 text-sky-900" },
  BEING_TAKEN_APART: { text: "Being taken apart", tone: "bg-amber-100 text-amber-900" },
  TAKEN_APART: { text: "Taken apart", tone: "bg-stone-200 text-stone-800" },
};

/** Where a pallet stands, in words and colour (the words carry it without the colour). */
export function UnitStatusBadge({ status }: { status: UnitStatus }) {
  const { text, tone } = WORDS[status];
  return (
    <span
      className={`inline-block rounded-full px-3 py-1 text-sm font-semibold ${tone}`}
      data-testid="unit-status"
    >
      {text}
    </span>
  );
}
